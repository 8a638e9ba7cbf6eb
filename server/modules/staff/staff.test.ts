import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type Session } from '../../lib/testing'

let t: Awaited<ReturnType<typeof createTestApp>>
let admin: Session
beforeEach(async () => {
  t = await createTestApp()
  admin = await t.login('admin')
})
afterEach(() => t.close())

const lastAudit = () => t.sqlite.prepare('select * from audit_log order by id desc limit 1').get() as Record<string, string>
const newClerk = { username: 'Clerk.Taichung', displayName: '王小華', email: 'clerk.taichung@example.com', officeCode: 'DA', roles: ['clerk'] }

describe('staff accounts (admin)', () => {
  it('creates an account with a one-time temporary password, audited without the hash', async () => {
    const res = await t.call('POST', '/api/staff', { as: admin, body: newClerk })
    expect(res.status).toBe(201)
    expect(res.json.staff).toMatchObject({ username: 'clerk.taichung', officeCode: 'DA', roles: ['clerk'], mustChangePassword: true, status: 'active', version: 1 })
    expect(res.json.temporaryPassword).toMatch(/^.{12}$/)
    const audit = lastAudit()
    expect(audit).toMatchObject({ action: 'staff.created', entity: 'staff', entity_id: String(res.json.staff.id), actor_name: 'admin', office_code: 'I', roles: 'admin' })
    expect(audit.summary).not.toMatch(/scrypt|password/i)
    expect(audit.request_id).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('refuses a taken username and bad fields, each named, writing nothing', async () => {
    const before = (t.sqlite.prepare('select count(*) n from staff').get() as { n: number }).n
    const taken = await t.call('POST', '/api/staff', { as: admin, body: { ...newClerk, username: 'clerk.keelung' } })
    expect(taken.status).toBe(400)
    expect(taken.json.error.fieldErrors).toEqual({ username: '此帳號已存在' })
    const bad = await t.call('POST', '/api/staff', { as: admin, body: { username: 'x', displayName: '', email: 'not-mail', officeCode: 'ZZ', roles: [] }, headers: { 'accept-language': 'en' } })
    expect(Object.keys(bad.json.error.fieldErrors).sort()).toEqual(['displayName', 'email', 'officeCode', 'roles', 'username'])
    expect(bad.json.error.fieldErrors.officeCode).toBe('No such customs office')
    expect((t.sqlite.prepare('select count(*) n from staff').get() as { n: number }).n).toBe(before)
  })

  it('searches, filters by office and role, sorts and pages', async () => {
    const all = await t.call('GET', '/api/staff?pageSize=3&sort=username&order=desc', { as: admin })
    expect(all.json.total).toBe(7)
    expect(all.json.items.map((s: { username: string }) => s.username)).toEqual(['supervisor.taipei', 'supervisor.keelung', 'helpdesk'])
    const page3 = await t.call('GET', '/api/staff?pageSize=3&page=3&sort=username&order=desc', { as: admin })
    expect(page3.json.items.map((s: { username: string }) => s.username)).toEqual(['admin'])
    const keelung = await t.call('GET', '/api/staff?officeCode=AA', { as: admin })
    expect(keelung.json.items.map((s: { username: string }) => s.username)).toEqual(['clerk.keelung', 'supervisor.keelung'])
    const supervisors = await t.call('GET', '/api/staff?role=supervisor&q=taipei', { as: admin })
    expect(supervisors.json.items.map((s: { username: string }) => s.username)).toEqual(['supervisor.taipei'])
    const byName = await t.call('GET', `/api/staff?q=${encodeURIComponent('怡安')}`, { as: admin })
    expect(byName.json.items.map((s: { username: string }) => s.username)).toEqual(['clerk.keelung'])
    const literal = await t.call('GET', '/api/staff?q=%25', { as: admin })
    expect(literal.json.total).toBe(0)
  })

  it('edits roles and office with optimistic locking: a stale version is a 409', async () => {
    const { json: created } = await t.call('POST', '/api/staff', { as: admin, body: newClerk })
    const id = created.staff.id
    const edit = await t.call('PATCH', `/api/staff/${id}`, { as: admin, body: { displayName: '王小華', email: null, officeCode: 'BA', roles: ['clerk', 'supervisor'], version: 1 } })
    expect(edit.status).toBe(200)
    expect(edit.json).toMatchObject({ officeCode: 'BA', roles: ['clerk', 'supervisor'], version: 2, email: null })
    const stale = await t.call('PATCH', `/api/staff/${id}`, { as: admin, body: { displayName: 'x', officeCode: 'AA', roles: ['clerk'], version: 1 } })
    expect(stale.status).toBe(409)
    expect(stale.json.error.code).toBe('VERSION_CONFLICT')
    expect(JSON.parse(lastAudit().summary)).toMatchObject({ before: { officeCode: 'DA', roles: ['clerk'] }, after: { officeCode: 'BA', roles: ['clerk', 'supervisor'] } })
  })

  it('disables an account, ending its sessions and refusing its sign-in; enables it again', async () => {
    const list = await t.call('GET', '/api/staff?q=clerk.taipei', { as: admin })
    const target = list.json.items[0]
    const victim = await t.login('clerk.taipei')
    const disabled = await t.call('POST', `/api/staff/${target.id}/disable`, { as: admin, body: { version: target.version } })
    expect(disabled.json.status).toBe('disabled')
    expect((await t.call('GET', '/api/auth/me', { as: victim })).status).toBe(401)
    const refused = await t.call('POST', '/api/auth/login', { body: { username: 'clerk.taipei', password: 'Certdesk-demo-1' } })
    expect(refused.json.error.code).toBe('ACCOUNT_DISABLED')
    const enabled = await t.call('POST', `/api/staff/${target.id}/enable`, { as: admin, body: { version: disabled.json.version } })
    expect(enabled.json.status).toBe('active')
    expect((await t.call('POST', '/api/auth/login', { body: { username: 'clerk.taipei', password: 'Certdesk-demo-1' } })).status).toBe(200)
  })

  it('resets a password to a temporary one that must be changed, and unlocks', async () => {
    const target = (await t.call('GET', '/api/staff?q=helpdesk', { as: admin })).json.items[0]
    for (let i = 0; i < 5; i++) await t.call('POST', '/api/auth/login', { body: { username: 'helpdesk', password: 'Wrong-pass1' } })
    const locked = (await t.call('GET', `/api/staff/${target.id}`, { as: admin })).json
    expect(locked.lockedUntil).not.toBeNull()
    const unlocked = await t.call('POST', `/api/staff/${target.id}/unlock`, { as: admin, body: { version: locked.version } })
    expect(unlocked.json.lockedUntil).toBeNull()
    const reset = await t.call('POST', `/api/staff/${target.id}/reset-password`, { as: admin, body: { version: unlocked.json.version } })
    expect(reset.json.staff.mustChangePassword).toBe(true)
    expect((await t.call('POST', '/api/auth/login', { body: { username: 'helpdesk', password: 'Certdesk-demo-1' } })).status).toBe(401)
    const s = await t.login('helpdesk', reset.json.temporaryPassword)
    expect((await t.call('GET', '/api/auth/me', { as: s })).json.user.mustChangePassword).toBe(true)
    const actions = t.sqlite.prepare("select action from audit_log where entity = 'staff' and entity_id = ? order by id").all(String(target.id)) as { action: string }[]
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['staff.unlocked', 'staff.password_reset']))
  })

  it('will not let an admin disable, reset or demote themselves', async () => {
    const me = (await t.call('GET', '/api/auth/me', { as: admin })).json.user
    const self = (await t.call('GET', `/api/staff/${me.id}`, { as: admin })).json
    expect((await t.call('POST', `/api/staff/${me.id}/disable`, { as: admin, body: { version: self.version } })).status).toBe(409)
    expect((await t.call('POST', `/api/staff/${me.id}/reset-password`, { as: admin, body: { version: self.version } })).status).toBe(409)
    expect((await t.call('PATCH', `/api/staff/${me.id}`, { as: admin, body: { displayName: 'x', officeCode: 'I', roles: ['auditor'], version: self.version } })).status).toBe(409)
  })

  it('scopes an office admin to their own office, in queries and by id', async () => {
    const { json } = await t.call('POST', '/api/staff', { as: admin, body: { ...newClerk, username: 'admin.keelung', officeCode: 'AA', roles: ['admin'] } })
    const officeAdmin = await t.login('admin.keelung', json.temporaryPassword)
    const changed = await t.call('POST', '/api/auth/password', { as: officeAdmin, body: { currentPassword: json.temporaryPassword, newPassword: 'Keelung-admin1' } })
    const s = { cookie: changed.headers.get('set-cookie')!.split(';')[0]!, csrfToken: changed.json.csrfToken }
    const list = await t.call('GET', '/api/staff', { as: s })
    expect(new Set(list.json.items.map((x: { officeCode: string }) => x.officeCode))).toEqual(new Set(['AA']))
    const taipei = (await t.call('GET', '/api/staff?q=clerk.taipei', { as: admin })).json.items[0]
    expect((await t.call('GET', `/api/staff/${taipei.id}`, { as: s })).status).toBe(404)
    expect((await t.call('POST', `/api/staff/${taipei.id}/disable`, { as: s, body: { version: taipei.version } })).status).toBe(404)
    expect((await t.call('POST', '/api/staff', { as: s, body: { ...newClerk, username: 'x.other', officeCode: 'CA' } })).status).toBe(403)
  })
})
