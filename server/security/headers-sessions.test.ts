import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { serve } from '@hono/node-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../../db/seed/demo-data'
import { hashToken } from '../lib/sessions'
import { createTestApp, type Session } from '../lib/testing'
import { DEMO_PEOPLE, cardAnswerFor, openDemoCards, PORTAL_PASSWORD, registerPerson } from '../modules/portal-accounts/portal.fixtures'
import { inlineScriptIn, MIGRATED_COMPANY, parseSetCookie, portalWithTemporaryPassword } from './security.fixtures'

/** Issue 9.2: the headers every answer carries, the session cookies and session fixation, attacked from outside (CSRF: csrf.test.ts). */

type TestApp = Awaited<ReturnType<typeof createTestApp>>

/** What every answer must carry, whatever its status or content type. */
function expectSecurityHeaders(headers: Headers, what: string) {
  const csp = Object.fromEntries((headers.get('content-security-policy') ?? '').split(/;\s*/).filter(Boolean).map((d) => {
    const [name, ...values] = d.trim().split(/\s+/)
    return [name, values]
  }))
  const scriptSrc = csp['script-src'] ?? csp['default-src']
  expect(scriptSrc, `${what}: script-src`).toEqual(["'self'"])
  expect(csp['default-src'], `${what}: default-src`).toEqual(["'self'"])
  expect(csp['object-src'], `${what}: object-src`).toEqual(["'none'"])
  expect(csp['frame-ancestors'], `${what}: frame-ancestors`).toEqual(["'none'"])
  expect(csp['base-uri'], `${what}: base-uri`).toEqual(["'self'"])
  expect(headers.get('x-content-type-options'), `${what}: nosniff`).toBe('nosniff')
  expect(headers.get('referrer-policy'), `${what}: Referrer-Policy`).toBe('same-origin')
  expect(headers.get('x-frame-options'), `${what}: X-Frame-Options`).toMatch(/^(DENY|SAMEORIGIN)$/)
  expect(headers.get('x-powered-by'), `${what}: no X-Powered-By`).toBeNull()
}

describe('security headers on every kind of answer', () => {
  let t: TestApp
  let dist: string
  let admin: Session
  beforeAll(async () => {
    // A built SPA as vite lays it out: web/index.html with its entry script moved to a hashed asset.
    dist = mkdtempSync(path.join(tmpdir(), 'certdesk-dist-'))
    mkdirSync(path.join(dist, 'assets'))
    writeFileSync(path.join(dist, 'index.html'), readFileSync('web/index.html', 'utf8').replace('/src/app/main.ts', '/assets/index-Test1234.js'))
    writeFileSync(path.join(dist, 'assets', 'index-Test1234.js'), 'console.log("app")\n')
    t = await createTestApp({ distDir: dist })
    admin = await t.login('admin')
  })
  afterAll(() => t.close())

  const answers: [string, () => Promise<{ status: number; headers: Headers }>, number][] = [
    ['API 200', () => t.call('GET', '/api/health'), 200],
    ['API 200 signed in', () => t.call('GET', '/api/staff', { as: admin }), 200],
    ['API 401', () => t.call('GET', '/api/staff'), 401],
    ['API 403 (CSRF)', () => t.call('POST', '/api/auth/logout', { as: admin, headers: { 'x-csrf-token': 'wrong' } }), 403],
    ['API 404', () => t.call('GET', '/api/no/such/thing'), 404],
    ['API 400 (bad JSON)', () => t.call('POST', '/api/auth/login', { raw: '{', headers: { 'content-type': 'application/json' } }), 400],
    ['API 415 (form body)', () => t.call('POST', '/api/auth/login', { raw: 'a=b', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415],
    ['API document page', () => t.call('GET', '/api/docs'), 200],
    ['CRL 404', () => t.call('GET', '/crl/nothing.crl'), 404],
    ['SPA index', () => t.call('GET', '/'), 200],
    ['SPA deep link', () => t.call('GET', '/console/staff'), 200],
    ['SPA asset', () => t.call('GET', '/assets/index-Test1234.js'), 200],
    ['SPA missing asset', () => t.call('GET', '/assets/gone-0000.js'), 404],
  ]
  it.each(answers)('%s', async (what, answer, status) => {
    const res = await answer()
    expect(res.status).toBe(status)
    expectSecurityHeaders(res.headers, what)
  })

  it('an unexpected failure (500) carries them too, and tells nothing of its cause', async () => {
    const broken = await createTestApp()
    const session = await broken.login('clerk.keelung')
    broken.close() // every query now throws a plain Error, not an AppError
    const res = await broken.call('GET', '/api/offices', { as: session })
    expect(res.status).toBe(500)
    expect(res.json.error).toEqual({ code: 'INTERNAL', message: '系統發生錯誤，請稍後再試', requestId: res.headers.get('x-request-id') })
    expect(res.text).not.toMatch(/database|sqlite|at \w+ \(/i)
    expectSecurityHeaders(res.headers, '500')
  })

  it('the SPA and the API document have no inline script, in the source and as served', async () => {
    expect(inlineScriptIn(readFileSync('web/index.html', 'utf8'))).toEqual([])
    for (const page of ['/', '/portal/login', '/api/docs']) {
      const res = await t.call('GET', page)
      expect(res.headers.get('content-type'), page).toMatch(/^text\/html/)
      expect(res.text, page).toMatch(/<script\b[^>]*\bsrc=/)
      expect(inlineScriptIn(res.text), page).toEqual([])
    }
    // the check itself finds what it looks for
    expect(inlineScriptIn('<script>alert(1)</script><a href="javascript:x">x</a><img src=x onerror=alert(1)>')).toHaveLength(3)
  })
})

describe('TLS: HSTS and Secure cookies exactly when the client reached us over TLS', () => {
  const tls: [string, Record<string, boolean>, Record<string, string>, boolean][] = [
    ['plain HTTP (the default)', {}, {}, false],
    ['COOKIE_SECURE (the server itself behind TLS)', { COOKIE_SECURE: true }, {}, true],
    ['TRUST_PROXY, the proxy says https', { TRUST_PROXY: true }, { 'x-forwarded-proto': 'https' }, true],
    ['TRUST_PROXY, the proxy says http', { TRUST_PROXY: true }, { 'x-forwarded-proto': 'http' }, false],
    ['no TRUST_PROXY: a client\'s own X-Forwarded-Proto counts for nothing', {}, { 'x-forwarded-proto': 'https' }, false],
  ]
  it.each(tls)('%s', async (_what, env, headers, secure) => {
    const t = await createTestApp(env)
    try {
      const staff = await t.call('POST', '/api/auth/login', { body: { username: 'auditor', password: DEMO_PASSWORD }, headers })
      const { session, password } = await portalWithTemporaryPassword(t)
      const portal = await t.call('POST', '/api/portal/auth/login/password', { body: { accountId: MIGRATED_COMPANY, password }, headers })
      const answers = { login: staff, portalLogin: portal, health: await t.call('GET', '/api/health', { headers }), notFound: await t.call('GET', '/api/nothing', { headers }) }
      for (const [what, res] of Object.entries(answers)) {
        const hsts = res.headers.get('strict-transport-security')
        if (!secure) expect(hsts, what).toBeNull()
        else {
          expect(hsts ?? 'absent', what).toMatch(/^max-age=\d+; includeSubDomains$/)
          expect(Number(/max-age=(\d+)/.exec(hsts!)![1]), what).toBeGreaterThanOrEqual(31_536_000)
        }
      }
      const cookies = [staff, portal].map((res) => parseSetCookie(res.headers.getSetCookie()[0]!))
      expect(cookies.map((c) => c.name)).toEqual(['certdesk_sid', 'certdesk_portal'])
      for (const cookie of cookies) {
        expect(cookie.attributes, cookie.name).toMatchObject({ httponly: true, samesite: 'Strict', path: '/' })
        expect('secure' in cookie.attributes, `${cookie.name} Secure`).toBe(secure)
        // a browser-session cookie: nothing keeps it on disk after the browser closes
        expect(cookie.attributes['max-age'] ?? cookie.attributes.expires, cookie.name).toBeUndefined()
        expect(cookie.attributes.domain, cookie.name).toBeUndefined()
      }
      // sign-out clears each cookie on the same path
      const staffSession = { cookie: `certdesk_sid=${cookies[0]!.value}`, csrfToken: staff.json.csrfToken }
      for (const [url, as] of [['/api/auth/logout', staffSession], ['/api/portal/auth/logout', session]] as const) {
        const out = await t.call('POST', url, { as })
        expect(out.status).toBe(204)
        expect(parseSetCookie(out.headers.getSetCookie()[0]!)).toMatchObject({ value: '', attributes: { 'max-age': '0', path: '/' } })
      }
    } finally {
      t.close()
    }
  })
})

describe('session fixation: a token the client brings to sign-in is never adopted', () => {
  let t: TestApp
  let cards: Awaited<ReturnType<typeof openDemoCards>>
  beforeAll(async () => {
    t = await createTestApp({}, { ca: true })
    cards = await openDemoCards(t)
    expect((await registerPerson(t, cards['citizen-1'], DEMO_PEOPLE['citizen-1'])).status).toBe(201)
  })
  afterAll(() => t.close())

  interface SignIn {
    name: string
    cookie: 'certdesk_sid' | 'certdesk_portal'
    table: 'sessions' | 'portal_sessions'
    me: string
    logout: string
    signIn: (cookieHeader?: string) => Promise<{ status: number; headers: Headers; json: { csrfToken: string } }>
  }
  const staffPassword: SignIn = {
    name: 'staff, password', cookie: 'certdesk_sid', table: 'sessions', me: '/api/auth/me', logout: '/api/auth/logout',
    signIn: (cookie) => t.call('POST', '/api/auth/login', { body: { username: 'clerk.keelung', password: DEMO_PASSWORD }, headers: cookie ? { cookie } : {} }),
  }
  const portalPassword: SignIn = {
    name: 'portal, password', cookie: 'certdesk_portal', table: 'portal_sessions', me: '/api/portal/auth/me', logout: '/api/portal/auth/logout',
    signIn: (cookie) => t.call('POST', '/api/portal/auth/login/password', { body: { accountId: 'a115881394@example.tw', password: PORTAL_PASSWORD }, headers: cookie ? { cookie } : {} }),
  }
  const portalCard: SignIn = {
    ...portalPassword,
    name: 'portal, card',
    signIn: async (cookie) => t.call('POST', '/api/portal/auth/login/card', { body: await cardAnswerFor(t, cards['citizen-1']), headers: cookie ? { cookie } : {} }),
  }
  const signIns = [staffPassword, portalPassword, portalCard]

  const sessionFrom = (s: SignIn, res: Awaited<ReturnType<SignIn['signIn']>>): Session => {
    expect(res.status).toBe(200)
    const cookie = parseSetCookie(res.headers.getSetCookie()[0]!)
    expect(cookie.name).toBe(s.cookie)
    return { cookie: `${cookie.name}=${cookie.value}`, csrfToken: res.json.csrfToken }
  }
  const valueOf = (session: Session) => session.cookie.split('=')[1]!
  const stored = (s: SignIn, token: string) => t.sqlite.prepare(`select count(*) n from ${s.table} where id = ?`).get(hashToken(token)) as { n: number }

  it.each(signIns)('$name: a made-up token is not adopted; sign-in issues a fresh 256-bit one', async (s) => {
    const planted = 'chosen-by-the-attacker-0123456789abcdefghij'
    const fresh = sessionFrom(s, await s.signIn(`${s.cookie}=${planted}`))
    expect(valueOf(fresh)).not.toBe(planted)
    expect(valueOf(fresh)).toMatch(/^[\w-]{43}$/)
    expect(stored(s, planted)).toEqual({ n: 0 })
    expect((await t.call('GET', s.me, { headers: { cookie: `${s.cookie}=${planted}` } })).status).toBe(401)
    expect((await t.call('GET', s.me, { as: fresh })).status).toBe(200)
  })

  it.each(signIns)('$name: a valid token of another session is replaced, not adopted', async (s) => {
    const planted = sessionFrom(s, await s.signIn())
    const fresh = sessionFrom(s, await s.signIn(planted.cookie))
    expect(valueOf(fresh)).not.toBe(valueOf(planted))
    expect(fresh.csrfToken).not.toBe(planted.csrfToken)
    expect(stored(s, valueOf(planted))).toEqual({ n: 0 })
    expect((await t.call('GET', s.me, { as: planted })).status).toBe(401)
    expect((await t.call('GET', s.me, { as: fresh })).status).toBe(200)
  })

  it.each(signIns)('$name: after sign-out the old token is dead, and so is its CSRF token', async (s) => {
    const session = sessionFrom(s, await s.signIn())
    expect((await t.call('POST', s.logout, { as: session })).status).toBe(204)
    expect(stored(s, valueOf(session))).toEqual({ n: 0 })
    expect((await t.call('GET', s.me, { as: session })).status).toBe(401)
    expect((await t.call('POST', s.logout, { as: session })).status).toBe(401)
  })

  it('a staff token in the portal cookie, or a portal token in the staff cookie, opens nothing', async () => {
    const staff = valueOf(sessionFrom(staffPassword, await staffPassword.signIn()))
    const portal = valueOf(sessionFrom(portalPassword, await portalPassword.signIn()))
    expect((await t.call('GET', '/api/portal/auth/me', { headers: { cookie: `certdesk_portal=${staff}` } })).status).toBe(401)
    expect((await t.call('GET', '/api/auth/me', { headers: { cookie: `certdesk_sid=${portal}` } })).status).toBe(401)
  })
})

describe('over a real socket', () => {
  it('the security headers, the cookie attributes, the CSRF refusal and no CORS grant arrive on the wire', async () => {
    const t = await createTestApp()
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s))
    })
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      for (const url of ['/api/health', '/api/staff', '/api/no/such/thing']) {
        const res = await fetch(base + url)
        await res.arrayBuffer()
        expectSecurityHeaders(res.headers, url)
        expect(res.headers.get('strict-transport-security'), url).toBeNull()
        expect(res.headers.get('server'), url).toBeNull()
      }
      const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }) })
      expect(login.status).toBe(200)
      const { csrfToken } = (await login.json()) as { csrfToken: string }
      const cookie = parseSetCookie(login.headers.getSetCookie()[0]!)
      expect(cookie.attributes).toMatchObject({ httponly: true, samesite: 'Strict', path: '/' })
      expect(cookie.attributes.secure).toBeUndefined()
      const session = { cookie: `${cookie.name}=${cookie.value}`, 'x-csrf-token': csrfToken }
      const evil = await fetch(`${base}/api/auth/logout`, { method: 'POST', headers: { ...session, origin: 'https://evil.example' } })
      expect(evil.status).toBe(403)
      expectSecurityHeaders(evil.headers, 'cross-site 403')
      // no CORS grant, so another site's script can neither send JSON with credentials nor read an answer
      const preflight = await fetch(`${base}/api/staff`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-csrf-token' } })
      for (const res of [evil, preflight]) {
        expect(res.headers.get('access-control-allow-origin')).toBeNull()
        expect(res.headers.get('access-control-allow-credentials')).toBeNull()
      }
      expect((await fetch(`${base}/api/auth/me`, { headers: session })).status).toBe(200)
      expect((await fetch(`${base}/api/auth/logout`, { method: 'POST', headers: { ...session, origin: base } })).status).toBe(204)
      expect((await fetch(`${base}/api/auth/me`, { headers: session })).status).toBe(401)
    } finally {
      await new Promise((resolve) => server.close(resolve))
      t.close()
    }
  })
})
