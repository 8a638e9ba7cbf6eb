import { describe, expect, it } from 'vitest'
import { assertCertificateTransition } from './certificate'

describe('certificate transitions', () => {
  it('holds a valid certificate, releases a held one, revokes either', () => {
    expect(assertCertificateTransition('hold', 'valid')).toBe('suspended')
    expect(assertCertificateTransition('release', 'suspended')).toBe('valid')
    expect(assertCertificateTransition('revoke', 'valid')).toBe('revoked')
    expect(assertCertificateTransition('revoke', 'suspended')).toBe('revoked')
  })

  it('refuses the rest with a 409 that says why, in both languages', () => {
    expect(() => assertCertificateTransition('revoke', 'revoked')).toThrow(expect.objectContaining({ code: 'CONFLICT', options: { message: { 'zh-TW': '此憑證已廢止', en: 'This certificate is already revoked' } } }))
    expect(() => assertCertificateTransition('release', 'valid')).toThrow(/not on hold/)
    expect(() => assertCertificateTransition('hold', 'revoked')).toThrow(/revoked certificate cannot be put on hold/)
    expect(() => assertCertificateTransition('hold', 'suspended')).toThrow(/already on hold/)
  })
})
