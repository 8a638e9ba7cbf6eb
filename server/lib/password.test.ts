import { describe, expect, it } from 'vitest'
import { meetsPasswordRule } from '../../core/contracts/auth'
import { generateTemporaryPassword, hashPassword, verifyPassword } from './password'

describe('password hashing', () => {
  it('hashes with scrypt at the configured cost, salted, and verifies', async () => {
    const a = await hashPassword('Certdesk-demo-1', 15)
    const b = await hashPassword('Certdesk-demo-1', 15)
    expect(a).toMatch(/^scrypt\$15\$8\$1\$/)
    expect(a).not.toBe(b)
    expect(await verifyPassword('Certdesk-demo-1', a)).toBe(true)
    expect(await verifyPassword('certdesk-demo-1', a)).toBe(false)
    expect(await verifyPassword('Certdesk-demo-1', 'plain')).toBe(false)
  })

  it('treats composed and decomposed Unicode as the same password', async () => {
    const hash = await hashPassword('Pässwort1', 10)
    expect(await verifyPassword('Pa\u0308sswort1', hash)).toBe(true)
  })

  it('makes temporary passwords that meet the password rule', () => {
    for (let i = 0; i < 200; i++) expect(meetsPasswordRule(generateTemporaryPassword())).toBe(true)
  })
})
