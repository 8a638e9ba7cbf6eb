import { describe, expect, it } from 'vitest'
import { ApiError } from '@web/app/api'
import { afterSignIn, signInProblem } from './sign-in'

describe('afterSignIn', () => {
  it('goes to the redirect inside the portal, or the portal home', () => {
    expect(afterSignIn({ mustChangePassword: false }, '/portal/registrations')).toEqual({ path: '/portal/registrations' })
    expect(afterSignIn({ mustChangePassword: false }, undefined)).toEqual({ path: '/portal' })
  })

  it('never leaves the portal nor returns to the sign-in page', () => {
    for (const redirect of ['https://evil.example', '//evil.example', '/console', '/portal/login?redirect=/portal', '/portal\\evil'])
      expect(afterSignIn({ mustChangePassword: false }, redirect)).toEqual({ path: '/portal' })
  })

  it('sends a reset password to the change page first, keeping where the user was heading', () => {
    expect(afterSignIn({ mustChangePassword: true }, '/portal/registrations')).toEqual({ path: '/portal/password', query: { redirect: '/portal/registrations' } })
    expect(afterSignIn({ mustChangePassword: true }, undefined)).toEqual({ path: '/portal/password' })
    expect(afterSignIn({ mustChangePassword: true }, '/portal/password')).toEqual({ path: '/portal/password' })
  })
})

describe('signInProblem', () => {
  const apiError = (status: number, code: ApiError['code'], message = 'server text') => new ApiError(status, { code, message })

  it('names the failures a person can act on and keeps the server text for their details', () => {
    expect(signInProblem(apiError(401, 'CARD_NOT_REGISTERED'), 'x')).toEqual({ kind: 'notRegistered', detail: 'server text' })
    expect(signInProblem(apiError(422, 'CERTIFICATE_INVALID', '憑證驗證未通過：已廢止'), 'x')).toEqual({ kind: 'certificateInvalid', detail: '憑證驗證未通過：已廢止' })
    expect(signInProblem(apiError(422, 'WRONG_CARD'), 'x').kind).toBe('certificateInvalid')
    expect(signInProblem(apiError(423, 'ACCOUNT_LOCKED'), 'x').kind).toBe('locked')
    expect(signInProblem(apiError(401, 'INVALID_CREDENTIALS'), 'x').kind).toBe('invalidCredentials')
    expect(signInProblem(apiError(409, 'CHALLENGE_USED'), 'x').kind).toBe('challengeUsed')
  })

  it('shows anything else as the server says it, and a network failure or a bug as the fallback', () => {
    expect(signInProblem(apiError(429, 'RATE_LIMITED', 'wait'), 'x')).toEqual({ kind: 'other', detail: 'wait' })
    expect(signInProblem(new TypeError('boom'), 'fallback')).toEqual({ kind: 'other', detail: 'fallback' })
  })
})
