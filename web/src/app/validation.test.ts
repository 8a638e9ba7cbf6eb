import { changePasswordRequest, loginRequest } from '@core/contracts/auth'
import { createStaffRequest } from '@core/contracts/staff'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { localizeIssues, validate } from './validation'

function messages(schema: z.ZodType, input: unknown, lang: 'zh-TW' | 'en') {
  const result = validate(schema, input)
  if (result.ok) throw new Error('expected a validation failure')
  return localizeIssues(result.issues, lang)
}

describe('validate with the contracts', () => {
  it('maps the contract message keys to both languages', () => {
    expect(messages(loginRequest, { username: '  ', password: '' }, 'zh-TW')).toEqual({
      username: '此欄位為必填',
      password: '此欄位為必填',
    })
    expect(messages(loginRequest, { username: '', password: 'x' }, 'en')).toEqual({ username: 'This field is required' })
  })

  it('fills {max} from the issue', () => {
    expect(messages(loginRequest, { username: 'a'.repeat(65), password: 'x' }, 'zh-TW')).toEqual({ username: '最多 64 個字元' })
    expect(messages(loginRequest, { username: 'a'.repeat(65), password: 'x' }, 'en')).toEqual({ username: 'At most 64 characters' })
  })

  it('fills {min} for zod default messages mapped by issue code', () => {
    const schema = z.object({ name: z.string().min(3) })
    expect(messages(schema, { name: 'ab' }, 'en')).toEqual({ name: 'At least 3 characters' })
  })

  it('puts refinements on their path, such as a reused password', () => {
    const out = messages(changePasswordRequest, { currentPassword: 'Secret-123', newPassword: 'Secret-123' }, 'zh-TW')
    expect(out).toEqual({ newPassword: '新密碼不可與目前密碼相同' })
    expect(messages(changePasswordRequest, { currentPassword: 'x', newPassword: 'short' }, 'en').newPassword).toMatch(/at least 8/)
  })

  it('keeps the first issue per field and reports every field of a staff form', () => {
    const out = messages(createStaffRequest, { username: 'A', displayName: '', email: 'nope', officeCode: 'XX', roles: [] }, 'en')
    expect(out).toEqual({
      username: 'Usernames use 3–32 lower-case letters, digits, dots, underscores or hyphens',
      displayName: 'This field is required',
      email: 'Invalid e-mail address',
      officeCode: 'No such customs office',
      roles: 'Choose at least one role',
    })
  })

  it('returns the parsed data when valid', () => {
    expect(validate(loginRequest, { username: ' admin ', password: 'pw' })).toEqual({ ok: true, data: { username: 'admin', password: 'pw' } })
  })
})
