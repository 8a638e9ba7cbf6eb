import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp } from '../../lib/testing'

let t: Awaited<ReturnType<typeof createTestApp>>
beforeEach(async () => {
  t = await createTestApp()
})
afterEach(() => t.close())

const auditCount = (action: string) => (t.sqlite.prepare('select count(*) as n from audit_log where action = ?').get(action) as { n: number }).n

describe('staff sign-in', () => {
  it('signs in with the demo password, sets an HttpOnly SameSite=Strict cookie and returns the user', async () => {
    const res = await t.call('POST', '/api/auth/login', { body: { username: 'clerk.keelung', password: 'Certdesk-demo-1' } })
    expect(res.status).toBe(200)
    expect(res.json.user).toMatchObject({ username: 'clerk.keelung', officeCode: 'AA', roles: ['clerk'], mustChangePassword: false })
    expect(res.json.csrfToken).toMatch(/^[\w-]{40,}$/)
    const cookie = res.headers.get('set-cookie')!
    expect(cookie).toMatch(/^certdesk_sid=[\w-]{40,};/)
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Strict/)
    expect(auditCount('auth.login')).toBe(1)
  })

  it('answers /me for the signed-in user, and 401 without a session', async () => {
    expect((await t.call('GET', '/api/auth/me')).json.error.code).toBe('UNAUTHENTICATED')
    const s = await t.login('admin')
    const me = await t.call('GET', '/api/auth/me', { as: s })
    expect(me.status).toBe(200)
    expect(me.json.user.username).toBe('admin')
  })

  it('refuses a wrong password with a message in the language asked for, and counts it', async () => {
    const zh = await t.call('POST', '/api/auth/login', { body: { username: 'admin', password: 'wrong-Password1' } })
    expect(zh.status).toBe(401)
    expect(zh.json.error).toMatchObject({ code: 'INVALID_CREDENTIALS', message: '帳號或密碼錯誤' })
    const en = await t.call('POST', '/api/auth/login', { body: { username: 'admin', password: 'x' }, headers: { 'accept-language': 'en-US,en;q=0.9' } })
    expect(en.json.error.message).toBe('Wrong username or password')
    expect(auditCount('auth.login_failed')).toBe(2)
  })

  it('gives the same answer for an unknown username as for a wrong password', async () => {
    const res = await t.call('POST', '/api/auth/login', { body: { username: 'nobody', password: 'whatever' } })
    expect(res.status).toBe(401)
    expect(res.json.error.code).toBe('INVALID_CREDENTIALS')
  })

  it('locks the account for 15 minutes after 5 failures: the sixth attempt is refused even with the right password', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await t.call('POST', '/api/auth/login', { body: { username: 'clerk.taipei', password: `Wrong-pass${i}` } })
      expect(res.json.error.code).toBe('INVALID_CREDENTIALS')
    }
    const sixth = await t.call('POST', '/api/auth/login', { body: { username: 'clerk.taipei', password: 'Certdesk-demo-1' } })
    expect(sixth.status).toBe(423)
    expect(sixth.json.error.code).toBe('ACCOUNT_LOCKED')
    expect(sixth.json.error.message).toContain('15')
    expect(sixth.headers.get('retry-after')).toBe('900')
    t.advance(14 * 60_000)
    expect((await t.call('POST', '/api/auth/login', { body: { username: 'clerk.taipei', password: 'Certdesk-demo-1' } })).status).toBe(423)
    t.advance(60_000)
    expect((await t.call('POST', '/api/auth/login', { body: { username: 'clerk.taipei', password: 'Certdesk-demo-1' } })).status).toBe(200)
  })

  it('rate-limits sign-in attempts per client IP across usernames', async () => {
    const limited = await createTestApp({ LOGIN_RATE_PER_MINUTE: 3 })
    try {
      const statuses = []
      for (const username of ['a', 'b', 'c', 'd']) {
        statuses.push((await limited.call('POST', '/api/auth/login', { body: { username, password: 'x' } })).status)
      }
      expect(statuses).toEqual([401, 401, 401, 429])
      limited.advance(60_000)
      expect((await limited.call('POST', '/api/auth/login', { body: { username: 'admin', password: 'Certdesk-demo-1' } })).status).toBe(200)
    } finally {
      limited.close()
    }
  })

  it('changes the session id at sign-in: a cookie held before signing in is worthless after', async () => {
    const first = await t.login('admin')
    const res = await t.call('POST', '/api/auth/login', { body: { username: 'admin', password: 'Certdesk-demo-1' }, headers: { cookie: first.cookie } })
    const second = res.headers.get('set-cookie')!.split(';')[0]!
    expect(second).not.toBe(first.cookie)
    expect((await t.call('GET', '/api/auth/me', { as: first })).status).toBe(401)
  })

  it('ends the session at sign-out', async () => {
    const s = await t.login('auditor')
    expect((await t.call('POST', '/api/auth/logout', { as: s })).status).toBe(204)
    expect((await t.call('GET', '/api/auth/me', { as: s })).status).toBe(401)
    expect(auditCount('auth.logout')).toBe(1)
  })
})

describe('session expiry', () => {
  it('ends a session after 30 idle minutes, with SESSION_EXPIRED', async () => {
    const s = await t.login('admin')
    t.advance(29 * 60_000)
    expect((await t.call('GET', '/api/auth/me', { as: s })).status).toBe(200)
    t.advance(29 * 60_000)
    expect((await t.call('GET', '/api/auth/me', { as: s })).status).toBe(200)
    t.advance(30 * 60_000)
    const res = await t.call('GET', '/api/dashboard', { as: s })
    expect(res.status).toBe(401)
    expect(res.json.error.code).toBe('SESSION_EXPIRED')
  })

  it('ends an active session 12 hours after sign-in however busy it is', async () => {
    const s = await t.login('admin')
    for (let i = 0; i < 47; i++) {
      t.advance(15 * 60_000)
      expect((await t.call('GET', '/api/auth/me', { as: s })).status).toBe(200)
    }
    t.advance(15 * 60_000)
    expect((await t.call('GET', '/api/auth/me', { as: s })).json.error.code).toBe('SESSION_EXPIRED')
  })
})

describe('forced password change', () => {
  it('lets a user with a temporary password do nothing but change it, by the password rule', async () => {
    const admin = await t.login('admin')
    const created = await t.call('POST', '/api/staff', { as: admin, body: { username: 'new.clerk', displayName: '新進人員', officeCode: 'AA', roles: ['clerk'] } })
    expect(created.status).toBe(201)
    const s = await t.login('new.clerk', created.json.temporaryPassword)
    expect((await t.call('GET', '/api/auth/me', { as: s })).json.user.mustChangePassword).toBe(true)
    expect((await t.call('GET', '/api/dashboard', { as: s })).json.error.code).toBe('PASSWORD_CHANGE_REQUIRED')

    const weak = await t.call('POST', '/api/auth/password', { as: s, body: { currentPassword: created.json.temporaryPassword, newPassword: 'alllowercase1' } })
    expect(weak.status).toBe(400)
    expect(weak.json.error.fieldErrors.newPassword).toContain('8')

    const wrong = await t.call('POST', '/api/auth/password', { as: s, body: { currentPassword: 'Not-it-123', newPassword: 'Brand-new-pw1' } })
    expect(wrong.json.error.fieldErrors).toEqual({ currentPassword: '目前密碼不正確' })

    const ok = await t.call('POST', '/api/auth/password', { as: s, body: { currentPassword: created.json.temporaryPassword, newPassword: 'Brand-new-pw1' } })
    expect(ok.status).toBe(200)
    expect(ok.json.user.mustChangePassword).toBe(false)
    // the old session ended with the change; the new cookie works
    expect((await t.call('GET', '/api/auth/me', { as: s })).status).toBe(401)
    const fresh = { cookie: ok.headers.get('set-cookie')!.split(';')[0]!, csrfToken: ok.json.csrfToken }
    expect((await t.call('GET', '/api/dashboard', { as: fresh })).status).toBe(200)
    expect((await t.login('new.clerk', 'Brand-new-pw1')).cookie).toMatch(/certdesk_sid/)
  })
})
