import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type Session } from '../../lib/testing'
import { verifyAuditChain } from './audit.service'

let t: Awaited<ReturnType<typeof createTestApp>>
let auditor: Session
beforeEach(async () => {
  t = await createTestApp()
  auditor = await t.login('auditor')
  const admin = await t.login('admin')
  for (const username of ['a.one', 'a.two', 'a.three']) {
    await t.call('POST', '/api/staff', { as: admin, body: { username, displayName: username, officeCode: 'AA', roles: ['clerk'] } })
  }
})
afterEach(() => t.close())
const staffName = (id: string) => (t.sqlite.prepare('select username from staff where id = ?').get(Number(id)) as { username: string }).username

describe('the audit trail', () => {
  it('chains every row to the previous one, and verifies', async () => {
    const rows = t.sqlite.prepare('select id, prev_hash, hash from audit_log order by id').all() as { prev_hash: string; hash: string }[]
    expect(rows[0]!.prev_hash).toBe('0'.repeat(64))
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash)
    const res = await t.call('GET', '/api/audit/verify', { as: auditor })
    expect(res.json).toEqual({ ok: true, rows: rows.length })
  })

  it('refuses UPDATE and DELETE in the database itself', () => {
    expect(() => t.sqlite.prepare("update audit_log set action = 'x' where id = 2").run()).toThrow(/append-only/)
    expect(() => t.sqlite.prepare('delete from audit_log where id = 2').run()).toThrow(/append-only/)
  })

  // PostgreSQL names a trigger's table, SQLite's grammar refuses it
  const dropTrigger = (name: string) => t.sqlite.exec(t.dialect === 'postgres' ? `drop trigger ${name} on audit_log` : `drop trigger ${name}`)

  it('names the first broken row when a row is tampered with behind the triggers', () => {
    dropTrigger('audit_log_no_update')
    t.sqlite.prepare("update audit_log set actor_name = 'mallory' where id = 3").run()
    expect(verifyAuditChain({ db: t.db })).toMatchObject({ ok: false, brokenAt: 3, reason: expect.stringContaining('hash') })
  })

  it('names the row after a deleted one', () => {
    dropTrigger('audit_log_no_delete')
    t.sqlite.prepare('delete from audit_log where id = 4').run()
    expect(verifyAuditChain({ db: t.db })).toMatchObject({ ok: false, brokenAt: 5, reason: expect.stringContaining('prev_hash') })
  })

  it('searches newest first with keyset pages, and by action and date', async () => {
    const first = await t.call('GET', '/api/audit?limit=2', { as: auditor })
    expect(first.json.items).toHaveLength(2)
    expect(first.json.items[0].id).toBeGreaterThan(first.json.items[1].id)
    const second = await t.call('GET', `/api/audit?limit=2&cursor=${first.json.nextCursor}`, { as: auditor })
    expect(second.json.items[0].id).toBeLessThan(first.json.items[1].id)
    const created = await t.call('GET', '/api/audit?action=staff.created', { as: auditor })
    expect(created.json.items.map((e: { entityId: string }) => staffName(e.entityId))).toEqual(['a.three', 'a.two', 'a.one'])
    expect(created.json.nextCursor).toBeNull()
    const today = await t.call('GET', '/api/audit?from=2026-11-20&to=2026-11-20', { as: auditor })
    expect(today.json.items.length).toBeGreaterThan(3)
    const before = await t.call('GET', '/api/audit?to=2026-11-19', { as: auditor })
    expect(before.json.items).toHaveLength(0)
    const q = await t.call('GET', '/api/audit?q=a.two', { as: auditor })
    expect(q.json.items).toHaveLength(1)
  })

  it('counts on the first page only, and searches text a window of the log at a time, saying when it stopped', async () => {
    const all = t.sqlite.prepare('select count(*) n from audit_log').get() as { n: number }
    const first = await t.call('GET', '/api/audit?limit=2', { as: auditor })
    expect(first.json.total).toEqual({ count: all.n, capped: false })
    expect((await t.call('GET', `/api/audit?limit=2&cursor=${first.json.nextCursor}`, { as: auditor })).json).not.toHaveProperty('total')
    // 120,000 later rows: the staff member's row is now further back than one window (SEARCH_WINDOW ids)
    t.sqlite.exec(`with recursive n(i) as (select 1 union all select i + 1 from n where i < 120000)
      insert into audit_log (at, roles, action, entity, prev_hash, hash) select '2026-11-20T01:00:00.000Z', '', 'filler', 'x', 'x', 'x' from n`)
    expect((await t.call('GET', '/api/audit?limit=2', { as: auditor })).json.total).toEqual({ count: 10_000, capped: true })
    const newest = await t.call('GET', '/api/audit?q=a.two', { as: auditor })
    expect(newest.json).toMatchObject({ items: [], partial: true })
    expect(newest.json).not.toHaveProperty('total')
    const further = await t.call('GET', `/api/audit?q=a.two&cursor=${newest.json.nextCursor}`, { as: auditor })
    expect(further.json.items.map((e: { entityId: string }) => staffName(e.entityId))).toEqual(['a.two'])
    expect(further.json.nextCursor).toBeNull()
  })

  it('rejects a reversed date range and a bad cursor, naming the field', async () => {
    const range = await t.call('GET', '/api/audit?from=2026-11-21&to=2026-11-20', { as: auditor })
    expect(range.json.error.fieldErrors).toEqual({ to: '起日不可晚於迄日' })
    expect((await t.call('GET', '/api/audit?cursor=abc', { as: auditor })).json.error.fieldErrors).toHaveProperty('cursor')
    expect((await t.call('GET', '/api/audit?from=2026-13-01', { as: auditor })).json.error.fieldErrors).toHaveProperty('from')
  })

  it('lists each entry as its own page shows it, every field in place but the summary, in a search too', async () => {
    for (const path of ['/api/audit?limit=200', '/api/audit?q=a.t&limit=200']) {
      const items = (await t.call('GET', path, { as: auditor })).json.items as { id: number }[]
      expect(items.length, path).toBeGreaterThan(1)
      for (const item of items) {
        const { summary, ...entry } = (await t.call('GET', `/api/audit/${item.id}`, { as: auditor })).json
        expect(item).toEqual(entry)
        if (entry.action === 'staff.created') expect(summary).toMatchObject({ after: { username: expect.any(String) } })
      }
    }
    const created = (await t.call('GET', '/api/audit?action=staff.created&limit=1', { as: auditor })).json.items[0]
    expect(created).toMatchObject({ actorId: expect.any(Number), actorName: 'admin', officeCode: 'I', roles: ['admin'], entity: 'staff', entityId: expect.any(String), requestId: expect.any(String), prevHash: expect.stringMatching(/^[0-9a-f]{64}$/), hash: expect.stringMatching(/^[0-9a-f]{64}$/) })
    expect(created).not.toHaveProperty('summary')
  })

  it('shows one entry with its before/after summary', async () => {
    const id = (await t.call('GET', '/api/audit?action=staff.created&limit=1', { as: auditor })).json.items[0].id
    const entry = await t.call('GET', `/api/audit/${id}`, { as: auditor })
    expect(entry.json).toMatchObject({ id, action: 'staff.created', actorName: 'admin', roles: ['admin'], summary: { after: { username: 'a.three' } } })
    expect((await t.call('GET', '/api/audit/999999', { as: auditor })).status).toBe(404)
  })
})
