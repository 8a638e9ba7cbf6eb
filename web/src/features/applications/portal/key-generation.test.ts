import type { Card, CertificateInfo } from '@core/pki'
import { describe, expect, it } from 'vitest'
import { certificateFileNames, certificateName, fromBase64, pfxPasswordProblem, signedCertificateRequest, toBase64 } from './key-generation'

describe('key generation: the pure parts', () => {
  it('has the card sign exactly the canonical {applicationNo, csr, signedAt} the server rebuilds', async () => {
    const signed: Uint8Array[] = []
    const card: Card = { certificate: new Uint8Array([0x30, 0x82, 1, 2]), info: {} as CertificateInfo, chain: [], sign: async (data) => (signed.push(data), new Uint8Array([9, 8, 7])) }
    const csrDer = new Uint8Array([0x30, 0x81, 0xff, 0])
    const body = await signedCertificateRequest(card, 'AA115000042', csrDer, '2026-11-20T02:00:00.000Z')
    expect(new TextDecoder().decode(signed[0])).toBe('{"applicationNo":"AA115000042","csr":"MIH/AA==","signedAt":"2026-11-20T02:00:00.000Z"}')
    expect(body).toEqual({ csr: 'MIH/AA==', signedAt: '2026-11-20T02:00:00.000Z', certificate: 'MIIBAg==', signature: 'CQgH' })
    expect(Object.keys(body)).not.toContain('privateKey')
  })

  it('encodes base64 like Node, also for inputs longer than one chunk', () => {
    const big = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7) % 256)
    expect(toBase64(big)).toBe(Buffer.from(big).toString('base64'))
    expect(fromBase64(toBase64(big))).toEqual(big)
  })

  it('names the files with letters and digits only, never an empty name', () => {
    expect(certificateFileNames('SingleWindow01B00051')).toEqual({ base: 'SingleWindow01B00051', cer: 'SingleWindow01B00051.cer', pfx: 'SingleWindow01B00051.pfx' })
    expect(certificateFileNames('../證書 52111891-01-000').cer).toBe('5211189101000.cer')
    expect(certificateFileNames('憑證').base).toBe('certificate')
  })

  it('asks for a .pfx password of 4 to 20 letters or digits, typed twice the same', () => {
    expect(pfxPasswordProblem('abc1', 'abc1')).toBeNull()
    expect(pfxPasswordProblem('A'.repeat(20), 'A'.repeat(20))).toBeNull()
    expect(pfxPasswordProblem('abc', 'abc')).toBe('passwordRule')
    expect(pfxPasswordProblem('A'.repeat(21), 'A'.repeat(21))).toBe('passwordRule')
    expect(pfxPasswordProblem('pass word', 'pass word')).toBe('passwordRule')
    expect(pfxPasswordProblem('密碼1234', '密碼1234')).toBe('passwordRule')
    expect(pfxPasswordProblem('abcd1234', 'abcd1235')).toBe('passwordMismatch')
  })

  it('reads the certificate name from the subject', () => {
    expect(certificateName('C=TW, O=Finance, OU=TST, CN=SingleWindow-01-B00051, serialNumber=82656552')).toBe('SingleWindow-01-B00051')
    expect(certificateName('C=TW, O=Finance, CN=52111891-01-000')).toBe('52111891-01-000')
  })
})
