import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Session } from '../lib/testing'
import { paperForm } from '../modules/applications/applications.fixtures'
import { openDemoCards, portalCardLogin, registerCompany } from '../modules/portal-accounts/portal.fixtures'
import { attackedApp, expectHealthy, expectNothingWritten, snapshot, type TestApp } from './attack.fixtures'

/**
 * SQL-looking strings in every query parameter of every list (and export) the API document names, and in
 * form fields. Queries are built by Drizzle with bound parameters, so the answer is an ordinary 200 or 400;
 * LIKE's % and _ typed into a search box match themselves; no table is touched.
 */
let t: TestApp
let root: string
let dispose: () => void
const staff: Record<string, Session> = {}
let portal: Session
beforeAll(async () => {
  // Public routes (the portal's "account exists" check) are rate-limited per client: each probe comes from its own address.
  ;({ t, root, dispose } = await attackedApp({ TRUST_PROXY: true }, { ca: true, file: true }))
  for (const [role, username] of Object.entries({ admin: 'admin', clerk: 'clerk.keelung', supervisor: 'supervisor.keelung', helpdesk: 'helpdesk', auditor: 'auditor' })) staff[role] = await t.login(username)
  const cards = await openDemoCards(t)
  expect((await registerCompany(t, cards['company-52111891'], '52111891')).status).toBe(201)
  portal = await portalCardLogin(t, cards['company-52111891'])
  // something to find: an application and a fee slip of the portal's company
  const draft = (await t.call('POST', '/api/applications', { as: staff.clerk, body: paperForm })).json
  expect((await t.call('POST', `/api/applications/${draft.id}/submit`, { as: staff.clerk, body: { version: draft.version } })).status).toBe(200)
})
afterAll(() => dispose())

export const SQL_LOOKING = [
  "' OR 1=1 --",
  "' OR '1'='1",
  '"; drop table applications; --',
  "'; DELETE FROM audit_log; --",
  "1' UNION SELECT password_hash, username FROM staff --",
  "') OR ('a'='a",
  '1; SELECT sqlite_version()',
  "admin'/*",
  '%',
  '_',
  '\\',
  '%_%',
  "\\'",
  '*',
  '[a-z]%',
]

/** Which signed-in party may call a route, from its `x-certdesk-access`. */
function sessionFor(access: string[]): Session | undefined {
  if (access.includes('public')) return undefined
  if (access.some((a) => a.startsWith('portal'))) return portal
  const role = access.find((a) => a in staff)
  return role ? staff[role] : staff.admin
}

interface Probe {
  path: string
  params: string[]
  as: Session | undefined
}

async function listRoutes(): Promise<Probe[]> {
  const doc = (await t.call('GET', '/api/openapi.json')).json as { paths: Record<string, Record<string, { parameters?: { in: string; name: string }[]; 'x-certdesk-access'?: string[] }>> }
  return Object.entries(doc.paths)
    .filter(([path, ops]) => !path.includes('{') && ops.get?.parameters?.some((p) => p.in === 'query'))
    .map(([path, ops]) => ({ path, params: ops.get!.parameters!.filter((p) => p.in === 'query').map((p) => p.name), as: sessionFor(ops.get!['x-certdesk-access'] ?? []) }))
}

let client = 0
const fromAnotherClient = () => ({ 'x-forwarded-for': `198.51.100.${(client++ % 250) + 1}` })

describe('SQL-looking query parameters', () => {
  it('every query parameter of every list and export answers 200 or 400, and nothing is written or dropped', async () => {
    const routes = await listRoutes()
    expect(routes.map((r) => r.path)).toEqual(expect.arrayContaining(['/api/applications', '/api/staff', '/api/audit', '/api/certificates', '/api/payments', '/api/lookup', '/api/helpdesk/accounts', '/api/portal/registrations', '/api/applications/export']))
    const before = snapshot(t, root)
    const seen: Record<number, number> = {}
    for (const route of routes) {
      for (const param of route.params) {
        for (const payload of SQL_LOOKING) {
          const res = await t.call('GET', `${route.path}?${param}=${encodeURIComponent(payload)}`, { as: route.as, headers: fromAnotherClient() })
          expect([200, 400], `${route.path}?${param}=${payload}: ${res.status} ${res.text.slice(0, 200)}`).toContain(res.status)
          seen[res.status] = (seen[res.status] ?? 0) + 1
        }
      }
    }
    console.log(`SQL-looking query parameters: ${routes.length} routes, ${routes.reduce((n, r) => n + r.params.length, 0)} parameters, answers ${JSON.stringify(seen)}`)
    // exports record who exported what, on purpose; nothing else
    expectNothingWritten(t, before, root, { auditActions: /^export\.finished$/ })
    await expectHealthy(t)
  }, 120_000)

  /** The audit list leaves out the before/after summary, which its search also reads: its entries are checked whole. */
  const whole = async (route: Probe, item: unknown) =>
    route.path === '/api/audit' ? (await t.call('GET', `/api/audit/${(item as { id: number }).id}`, { as: route.as, headers: fromAnotherClient() })).json : item

  it("LIKE's % and _ typed into a search box match only themselves", async () => {
    const routes = (await listRoutes()).filter((r) => r.params.includes('q') && !r.path.endsWith('/export'))
    expect(routes.length).toBeGreaterThanOrEqual(10)
    for (const route of routes) {
      const all = await t.call('GET', route.path, { as: route.as, headers: fromAnotherClient() })
      // (a backslash is left out here: stored JSON summaries hold escaping backslashes that the parsed item does not show)
      for (const ch of ['%', '_', '%_']) {
        const res = await t.call('GET', `${route.path}?q=${encodeURIComponent(ch)}`, { as: route.as, headers: fromAnotherClient() })
        expect(res.status, route.path).toBe(200)
        const items: unknown[] = Array.isArray(res.json.items) ? res.json.items : []
        // whatever comes back holds the typed characters themselves; a wildcard would have matched the whole list
        for (const item of items) expect(JSON.stringify(await whole(route, item)), `${route.path}?q=${ch}`).toContain(JSON.stringify(ch).slice(1, -1))
        if (Array.isArray(all.json?.items) && all.json.items.length > 0 && ch !== '_') expect(items.length, `${route.path}?q=${ch}`).toBeLessThan(all.json.items.length)
      }
    }
  })

  it('the helpdesk search takes % and _ literally (it used to match every account)', async () => {
    for (const q of ['%', '_', '5%', '5211189_']) {
      const res = await t.call('GET', `/api/helpdesk/accounts?q=${encodeURIComponent(q)}`, { as: staff.helpdesk })
      expect(res.status).toBe(200)
      expect(res.json.items, q).toEqual([])
    }
    expect((await t.call('GET', '/api/helpdesk/accounts?q=5211', { as: staff.helpdesk })).json.items.map((a: { accountId: string }) => a.accountId)).toEqual(['52111891'])
  })
})

describe('SQL-looking form fields', () => {
  it('are stored and shown exactly as typed, and every table is still there', async () => {
    const tables = snapshot(t, root).tables
    for (const value of SQL_LOOKING) {
      const short = value.slice(0, 50)
      const draft = await t.call('POST', '/api/applications', { as: staff.clerk, body: { ...paperForm, companyName: value, contactName: short, representative: short } })
      expect(draft.status, value).toBe(201)
      const back = await t.call('GET', `/api/applications/${draft.json.id}`, { as: staff.clerk })
      expect([back.json.companyName, back.json.contactName, back.json.representative]).toEqual([value, short, short])
    }
    const found = await t.call('GET', `/api/applications?status=draft&q=${encodeURIComponent('"; drop table applications; --')}`, { as: staff.clerk })
    expect(found.json.items.map((a: { companyName: string }) => a.companyName)).toEqual(['"; drop table applications; --'])
    expect(snapshot(t, root).tables).toEqual(tables)
  })

  it('in sign-in, staff, lookup and payment forms: an ordinary refusal, and nothing else changes', async () => {
    const before = snapshot(t, root)
    for (const value of SQL_LOOKING) {
      const login = await t.call('POST', '/api/auth/login', { body: { username: value, password: value } })
      expect([400, 401], `login ${value}`).toContain(login.status)
      const portalLogin = await t.call('POST', '/api/portal/auth/login/password', { body: { accountId: value, password: value }, headers: fromAnotherClient() })
      expect([400, 401], `portal login ${value}`).toContain(portalLogin.status)
      const newStaff = await t.call('POST', '/api/staff', { as: staff.admin, body: { username: value, displayName: value, officeCode: 'AA', roles: ['clerk'] } })
      expect(newStaff.json.error.fieldErrors, value).toHaveProperty('username')
      const payment = await t.call('POST', '/api/payments', { as: staff.clerk, body: { slipNo: value, amount: 1, paidOn: '2026-11-19', channel: 'counter' } })
      expect(payment.json.error.fieldErrors, value).toHaveProperty('slipNo')
      const reveal = await t.call('POST', '/api/lookup/reveal', { as: staff.clerk, body: { ref: value, field: 'idNumber', reason: value } })
      expect(reveal.json.error.fieldErrors, value).toHaveProperty('ref')
    }
    // failed sign-ins are audited (and counted against the account) on purpose
    expectNothingWritten(t, before, root, { auditActions: /^(?:auth|portal)\.login_failed$/ })
    await expectHealthy(t)
  })
})
