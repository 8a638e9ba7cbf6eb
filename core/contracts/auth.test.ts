import { describe, expect, it } from 'vitest'
import { changePasswordRequest, meetsPasswordRule } from './auth'

describe('the password rule: at least 8 characters with a digit, an upper-case and a lower-case letter', () => {
  it.each([
    ['Abcdefg1', true],
    ['Certdesk-demo-1', true],
    ['密碼Pässwörd9', true],
    ['Abcdef1', false],
    ['abcdefg1', false],
    ['ABCDEFG1', false],
    ['Abcdefgh', false],
    ['', false],
  ])('%s → %s', (password, ok) => {
    expect(meetsPasswordRule(password)).toBe(ok)
  })

  it('refuses a new password equal to the current one, on the newPassword field', () => {
    const r = changePasswordRequest.safeParse({ currentPassword: 'Abcdefg1', newPassword: 'Abcdefg1' })
    expect(r.success).toBe(false)
    expect(r.error!.issues[0]).toMatchObject({ path: ['newPassword'], message: 'passwordReused' })
  })
})
