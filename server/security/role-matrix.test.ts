import { afterAll, describe, expect, it } from 'vitest'
import { portalAccess, roles, type Access, type Role } from '../../core/contracts/roles'
import { demoStaff } from '../../db/seed/demo-data'
import { createTestApp, type Session } from '../lib/testing'
import { paperForm } from '../modules/applications/applications.fixtures'
import { DEMO_PEOPLE, openDemoCards, portalCardLogin, portalPasswordLogin, registerCompany, registerPerson } from '../modules/portal-accounts/portal.fixtures'
import { portalWithTemporaryPassword, uploadScan } from './security.fixtures'

/**
 * Issue 9.1: every route of the app, called by every kind of caller, answers as its declared access says. The
 * expectation is computed from the `access` words as core/contracts/roles.ts defines them, not from auth.ts.
 */

type TestApp = Awaited<ReturnType<typeof createTestApp>>

/** What an access policy may look at about the caller. */
type Caller =
  | { kind: 'anonymous' }
  | { kind: 'staff'; roles: readonly Role[]; mustChangePassword: boolean }
  | { kind: 'portal'; category: 'individual' | 'company'; mustChangePassword: boolean }

const isPortalWord = (a: Access) => (portalAccess as readonly Access[]).includes(a)

/** Whether one access word admits the caller, word for word as the comment in roles.ts defines it. */
function grants(word: Access, caller: Caller): boolean {
  switch (word) {
    case 'public':
      return true
    case 'signed-in':
      return caller.kind === 'staff'
    case 'staff':
      return caller.kind === 'staff' && !caller.mustChangePassword
    case 'portal-signed-in':
      return caller.kind === 'portal'
    case 'portal':
      return caller.kind === 'portal' && !caller.mustChangePassword
    case 'portal-company':
      return caller.kind === 'portal' && !caller.mustChangePassword && caller.category === 'company'
    default:
      return caller.kind === 'staff' && !caller.mustChangePassword && caller.roles.includes(word)
  }
}

const admits = (access: readonly Access[], caller: Caller) => access.some((word) => grants(word, caller))

/** A refused caller without the kind of session the route acts through is unknown there (401); with it, forbidden (403). */
function refusal(access: readonly Access[], caller: Caller): 401 | 403 {
  if (caller.kind === 'anonymous') return 401
  return access.some(isPortalWord) === (caller.kind === 'portal') ? 403 : 401
}

interface PolicedRoute {
  method: string
  path: string
  access: readonly Access[]
}

/** Every route of the app that declares a policy, once each; sign-outs last, so that a caller keeps its session to the end. */
function policedRoutes(app: TestApp['app']): PolicedRoute[] {
  const found = new Map<string, PolicedRoute>()
  for (const r of app.routes) {
    const access = (r.handler as { access?: readonly Access[] }).access
    if (access) found.set(`${r.method} ${r.path}`, { method: r.method, path: r.path, access })
  }
  const last = (r: PolicedRoute) => (r.path.endsWith('/logout') ? 1 : 0)
  return [...found.values()].sort((a, b) => last(a) - last(b))
}

/** How many policies each API and CRL route carries, counted from the app's own route table (app-wide middleware left out). */
function policiesPerRoute(app: TestApp['app']): Map<string, number> {
  const policies = new Map<string, number>()
  for (const r of app.routes) {
    const hasPolicy = Boolean((r.handler as { access?: unknown }).access)
    if (!/^\/(api|crl)\//.test(r.path) || (r.method === 'ALL' && !hasPolicy)) continue
    const key = `${r.method} ${r.path}`
    policies.set(key, (policies.get(key) ?? 0) + (hasPolicy ? 1 : 0))
  }
  return policies
}

/** Real rows of a test app for path parameters: the demo data, and an application keyed in Keelung with a scan. */
interface World {
  t: TestApp
  cards?: Awaited<ReturnType<typeof openDemoCards>>
  staffId: number
  portalAccountId: number
  applicationId: number
  attachmentId: number
}

async function buildWorld(t: TestApp): Promise<World> {
  const row = (sql: string, ...args: unknown[]) => t.sqlite.prepare(sql).get(...args) as { id: number }
  const clerk = await t.login('clerk.keelung')
  const draft = await t.call('POST', '/api/applications', { as: clerk, body: paperForm })
  const submitted = await t.call('POST', `/api/applications/${draft.json.id}/submit`, { as: clerk, body: { version: draft.json.version } })
  expect(submitted.status).toBe(200)
  const scan = await uploadScan(t, draft.json.id, clerk)
  expect(scan.status).toBe(201)
  return {
    t,
    staffId: row("select id from staff where username = 'clerk.taipei'").id,
    portalAccountId: row("select id from portal_accounts where account_id = 'chen.chihming@example.tw'").id,
    applicationId: draft.json.id,
    attachmentId: ((await scan.json()) as { id: number }).id,
  }
}

/** A path with its parameters filled: real ids where the demo world has them, a well-formed value otherwise. */
function concretePath(path: string, w: World): string {
  if (path === '/api/*') return '/api/no-such-path'
  if (path === '/crl/*') return '/crl/no-such-file'
  const samples: Record<string, string> = {
    attachmentId: String(w.attachmentId), ubn: '52111891', code: 'A00001', ref: 'broker:A00001', serial: '01', slipNo: 'AAF11500000010', file: 'customs.crl',
  }
  const idFor = (p: string) =>
    p.startsWith('/api/staff/') ? w.staffId
    : p.startsWith('/api/applications/') || p.startsWith('/api/portal/applications/') ? w.applicationId
    : p.startsWith('/api/helpdesk/accounts/') ? w.portalAccountId
    : 1 // audit rows exist from the seed; mail, bindings, registrations, reassignments, e-mail changes: none yet
  const filled = path.replace(/:(\w+)(\{[^}]*\})?/g, (_m, name: string) => (name === 'id' ? String(idFor(path)) : samples[name] ?? `<unknown :${name}>`))
  if (/\/:|\*|<unknown/.test(filled)) throw new Error(`no sample value for a parameter of ${path}: add one to concretePath`)
  return filled
}

interface CallerCase {
  name: string
  caller: Caller
  cards?: true
  signIn: (w: World) => Promise<Session | null>
}

async function staffWithTemporaryPassword(w: World): Promise<Session> {
  const admin = await w.t.login('admin')
  const created = await w.t.call('POST', '/api/staff', { as: admin, body: { username: 'pending.all', displayName: '待改密碼', officeCode: 'I', roles } })
  expect(created.status).toBe(201)
  return w.t.login('pending.all', created.json.temporaryPassword)
}

/** The card-holding portal callers share one app: making the demo cards costs seconds, and neither touches the other's account. */
let cardWorld: Promise<World> | null = null
function withCards() {
  cardWorld ??= (async () => {
    const t = await createTestApp({}, { ca: true })
    const cards = await openDemoCards(t)
    expect((await registerPerson(t, cards['citizen-1'], DEMO_PEOPLE['citizen-1'])).status).toBe(201)
    expect((await registerCompany(t, cards['company-52111891'], '52111891')).status).toBe(201)
    return { ...(await buildWorld(t)), cards }
  })()
  return cardWorld
}
afterAll(async () => (await cardWorld)?.t.close())

const staffCases: CallerCase[] = demoStaff
  .filter((s) => ['admin', 'clerk.keelung', 'supervisor.keelung', 'helpdesk', 'auditor'].includes(s.username))
  .map((s) => ({ name: `${s.roles.join('+')} (${s.username}, ${s.officeCode})`, caller: { kind: 'staff', roles: s.roles, mustChangePassword: false }, signIn: (w) => w.t.login(s.username) }))

const callers: CallerCase[] = [
  { name: 'anonymous', caller: { kind: 'anonymous' }, signIn: async () => null },
  ...staffCases,
  { name: 'staff, all roles, password pending', caller: { kind: 'staff', roles, mustChangePassword: true }, signIn: staffWithTemporaryPassword },
  { name: 'portal person (card)', caller: { kind: 'portal', category: 'individual', mustChangePassword: false }, cards: true, signIn: (w) => portalCardLogin(w.t, w.cards!['citizen-1']) },
  { name: 'portal company (password)', caller: { kind: 'portal', category: 'company', mustChangePassword: false }, cards: true, signIn: (w) => portalPasswordLogin(w.t, '52111891') },
  { name: 'portal company, password pending', caller: { kind: 'portal', category: 'company', mustChangePassword: true }, signIn: async (w) => (await portalWithTemporaryPassword(w.t)).session },
]

/** Who the server says is signed in, in the terms of Caller: the matrix must be about the callers it claims. */
async function whoAmI(t: TestApp, session: Session | null): Promise<Caller> {
  if (!session) return { kind: 'anonymous' }
  if (session.cookie.startsWith('certdesk_portal=')) {
    const { user } = (await t.call('GET', '/api/portal/auth/me', { as: session })).json
    return { kind: 'portal', category: user.category, mustChangePassword: user.mustChangePassword }
  }
  const { user } = (await t.call('GET', '/api/auth/me', { as: session })).json
  return { kind: 'staff', roles: user.roles, mustChangePassword: user.mustChangePassword }
}

const sortedRoles = (c: Caller) => (c.kind === 'staff' ? { ...c, roles: [...c.roles].sort() } : c)

describe('the role matrix: every route × every kind of caller', () => {
  it('gives every API and CRL route exactly one policy, each for staff or for portal accounts, never both', async () => {
    const t = await createTestApp()
    try {
      const policies = policiesPerRoute(t.app)
      expect([...policies].filter(([, n]) => n !== 1)).toEqual([])
      const routes = policedRoutes(t.app)
      expect(routes).toHaveLength(policies.size)
      expect(routes.length).toBeGreaterThan(100)
      const mixed = routes.filter((r) => r.access.some(isPortalWord) && r.access.some((a) => !isPortalWord(a)))
      expect(mixed.map((r) => `${r.method} ${r.path}`)).toEqual([])
    } finally {
      t.close()
    }
  })

  it.each(callers)('$name: admitted where the access says so, else 401/403', async (c) => {
    const w = c.cards ? await withCards() : await buildWorld(await createTestApp())
    try {
      const session = await c.signIn(w)
      expect(sortedRoles(await whoAmI(w.t, session))).toEqual(sortedRoles(c.caller))
      const routes = policedRoutes(w.t.app)
      const disagreements: string[] = []
      let called = 0
      for (const route of routes) {
        const method = route.method === 'ALL' ? 'GET' : route.method
        const path = concretePath(route.path, w)
        const res = await w.t.call(method, path, { as: session ?? undefined, body: method === 'GET' || method === 'DELETE' ? undefined : {} })
        called++
        const admitted = admits(route.access, c.caller)
        const ok = admitted ? res.status !== 401 && res.status !== 403 && res.status < 500 : res.status === refusal(route.access, c.caller)
        if (!ok) {
          const wanted = admitted ? 'let through (not 401/403/5xx)' : String(refusal(route.access, c.caller))
          disagreements.push(`${method} ${path} [${route.access.join(',')}] → ${res.status} ${res.json?.error?.code ?? ''}, expected ${wanted}`)
        }
      }
      expect(disagreements).toEqual([])
      expect(called).toBe(policiesPerRoute(w.t.app).size)
    } finally {
      if (!c.cards) w.t.close()
    }
  })
})
