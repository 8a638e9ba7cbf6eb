import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../../db/seed/demo-data'
import { createTestApp, type Session } from '../lib/testing'
import { portalPasswordLogin } from '../modules/portal-accounts/portal.fixtures'
import { count, MIGRATED_COMPANY, portalWithTemporaryPassword } from './security.fixtures'

/**
 * Issue 9.2: CSRF, in the layers of decision 0003, attacked one by one: every refusal writes nothing, and the
 * same call made properly goes through.
 */

type TestApp = Awaited<ReturnType<typeof createTestApp>>

describe('CSRF: a state change needs a same-site JSON request, and a signed-in one its own session\'s token', () => {
  let t: TestApp
  let admin: Session
  let adminAgain: Session
  let portal: Session
  let portalAgain: Session
  let portalPassword: string
  beforeAll(async () => {
    t = await createTestApp()
    admin = await t.login('admin')
    adminAgain = await t.login('admin')
    ;({ session: portal, password: portalPassword } = await portalWithTemporaryPassword(t))
    portalAgain = await portalPasswordLogin(t, MIGRATED_COMPANY, portalPassword)
  })
  afterAll(() => t.close())

  interface Target {
    name: string
    own: () => Session
    /** another session of the same account, and the caller's session of the other kind (both cookies sent) */
    sibling: () => Session
    otherKind: () => Session
    path: string
    body: () => unknown
    written: () => unknown
    succeeds: number
  }
  const targets: Target[] = [
    {
      name: 'staff: create an account', own: () => admin, sibling: () => adminAgain, otherKind: () => portal, path: '/api/staff',
      body: () => ({ username: 'csrf.victim', displayName: '跨站', officeCode: 'AA', roles: ['admin'] }),
      written: () => [count(t, 'staff'), count(t, 'staff_roles'), count(t, 'audit_log')],
      succeeds: 201,
    },
    {
      name: 'portal: change the password', own: () => portal, sibling: () => portalAgain, otherKind: () => admin, path: '/api/portal/auth/password',
      body: () => ({ currentPassword: portalPassword, newPassword: 'Changed-by-csrf-1' }),
      written: () => [t.sqlite.prepare('select password_hash, must_change_password from portal_accounts where account_id = ?').get(MIGRATED_COMPANY), count(t, 'portal_sessions'), count(t, 'audit_log')],
      succeeds: 200,
    },
  ]

  type Attack = [string, (target: Target) => { headers: Record<string, string>; body?: string | FormData }, number, string]
  const json = (target: Target) => JSON.stringify(target.body())
  const signedIn = (target: Target, token: string | null, more: Record<string, string> = {}) => ({
    cookie: target.own().cookie, 'content-type': 'application/json', ...(token === null ? {} : { 'x-csrf-token': token }), ...more,
  })
  const attacks: Attack[] = [
    ['no X-CSRF-Token', (g) => ({ headers: signedIn(g, null), body: json(g) }), 403, 'CSRF_FAILED'],
    ['a wrong token', (g) => ({ headers: signedIn(g, 'x'.repeat(43)), body: json(g) }), 403, 'CSRF_FAILED'],
    ['the token of another session of the same account', (g) => ({ headers: signedIn(g, g.sibling().csrfToken), body: json(g) }), 403, 'CSRF_FAILED'],
    ['the token of the caller\'s other kind of session, both cookies sent', (g) => ({ headers: signedIn(g, g.otherKind().csrfToken, { cookie: `${g.own().cookie}; ${g.otherKind().cookie}` }), body: json(g) }), 403, 'CSRF_FAILED'],
    ['the right token from a cross-site Origin', (g) => ({ headers: signedIn(g, g.own().csrfToken, { origin: 'https://evil.example', host: 'localhost:3000' }), body: json(g) }), 403, 'CSRF_FAILED'],
    ['the right token with Sec-Fetch-Site: cross-site', (g) => ({ headers: signedIn(g, g.own().csrfToken, { 'sec-fetch-site': 'cross-site' }), body: json(g) }), 403, 'CSRF_FAILED'],
    ['the right token on a form body', (g) => ({ headers: signedIn(g, g.own().csrfToken, { 'content-type': 'application/x-www-form-urlencoded' }), body: 'username=csrf.victim' }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['the right token on a text/plain body', (g) => ({ headers: signedIn(g, g.own().csrfToken, { 'content-type': 'text/plain' }), body: json(g) }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['a multipart body without the token', (g) => {
      const form = new FormData()
      for (const [k, v] of Object.entries(g.body() as Record<string, string>)) form.append(k, String(v))
      return { headers: { cookie: g.own().cookie }, body: form }
    }, 403, 'CSRF_FAILED'],
  ]
  const cases = targets.flatMap((target) => attacks.map((attack) => [target.name, attack[0], target, attack] as const))

  it.each(cases)('%s, %s: refused and nothing written', async (_t, _a, target, [, make, status, code]) => {
    const before = target.written()
    const { headers, body } = make(target)
    const res = await t.app.request(target.path, { method: 'POST', headers, body })
    expect(res.status).toBe(status)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code)
    expect(target.written()).toEqual(before)
  })

  const signInCalls: [string, string, Record<string, string>][] = [
    ['staff', '/api/auth/login', { username: 'admin', password: DEMO_PASSWORD }],
    ['portal', '/api/portal/auth/login/password', { accountId: MIGRATED_COMPANY, password: 'Any-pass-1' }],
  ]
  const crossSite: [string, Record<string, string>, string, number][] = [
    ['a cross-site Origin', { origin: 'https://evil.example', host: 'localhost:3000', 'content-type': 'application/json' }, 'json', 403],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' }, 'json', 403],
    ['a form body', { 'content-type': 'application/x-www-form-urlencoded' }, 'form', 415],
  ]
  it.each(signInCalls.flatMap(([who, path, body]) => crossSite.map(([what, headers, kind, status]) => [who, what, path, body, headers, kind, status] as const)))(
    '%s sign-in (no session yet) from %s: refused before the password is checked',
    async (_who, _what, path, body, headers, kind, status) => {
      const traces = () => [count(t, 'sessions'), count(t, 'portal_sessions'), count(t, 'audit_log'), t.sqlite.prepare('select * from rate_limits').all()]
      const before = traces()
      const res = await t.app.request(path, { method: 'POST', headers, body: kind === 'json' ? JSON.stringify(body) : new URLSearchParams(body).toString() })
      expect(res.status).toBe(status)
      expect(res.headers.getSetCookie()).toEqual([])
      expect(traces()).toEqual(before)
    },
  )

  it.each(targets)('$name: the same call from the same site with its own token succeeds', async (target) => {
    const before = target.written()
    const res = await t.app.request(target.path, {
      method: 'POST', body: json(target),
      headers: signedIn(target, target.own().csrfToken, { origin: 'http://localhost:3000', host: 'localhost:3000', 'sec-fetch-site': 'same-origin' }),
    })
    expect(res.status).toBe(target.succeeds)
    expect(target.written()).not.toEqual(before)
  })
})
