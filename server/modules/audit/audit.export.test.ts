import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { download, exportAudits } from '../../lib/export/export.fixtures'
import { createTestApp, type Session } from '../../lib/testing'
import { verifyAuditChain } from './audit.service'

let t: Awaited<ReturnType<typeof createTestApp>>
let auditor: Session
let admin: Session
beforeAll(async () => {
  t = await createTestApp()
  auditor = await t.login('auditor')
  admin = await t.login('admin')
  for (const [username, officeCode] of [['x.keelung', 'AA'], ['x.taipei', 'CA']]) {
    await t.call('POST', '/api/staff', { as: admin, body: { username, displayName: `=cmd|'/C calc'!A0 ${username}`, officeCode, roles: ['clerk'] } })
  }
})
afterAll(() => t.close())

/** An auditor of one office (a fresh account must set its own password before it may do anything). */
async function officeAuditor(username: string, officeCode: string): Promise<Session> {
  const { json } = await t.call('POST', '/api/staff', { as: admin, body: { username, displayName: username, officeCode, roles: ['auditor'] } })
  const temp = await t.login(username, json.temporaryPassword)
  const changed = await t.call('POST', '/api/auth/password', { as: temp, body: { currentPassword: json.temporaryPassword, newPassword: 'Office-auditor1' } })
  return { cookie: changed.headers.get('set-cookie')!.split(';')[0]!, csrfToken: changed.json.csrfToken }
}

describe('GET /api/audit/export', () => {
  it('writes the trail newest first, as stored, summaries as their JSON with formulas defused', async () => {
    const res = await download(t, '/api/audit/export?action=staff.created', auditor)
    expect(res.bom).toBe(true)
    expect(res.rows[0]).toEqual(['編號', '時間', '操作者', '關別', '角色', '動作', '對象類型', '對象', '內容', '請求編號', 'IP 位址', '前一筆雜湊', '雜湊'])
    expect(res.rows.slice(1).map((r) => JSON.parse(r[8]!).after.username)).toEqual(['x.taipei', 'x.keelung'])
    expect(Number(res.rows[1]![0])).toBeGreaterThan(Number(res.rows[2]![0]))
    const [row] = res.rows.slice(1)
    expect(row!.slice(1, 7)).toEqual(['2026-11-20 10:00:00', 'admin', 'I', 'admin', 'staff.created', 'staff'])
    expect(JSON.parse(row![8]!).after).toMatchObject({ username: 'x.taipei', displayName: "=cmd|'/C calc'!A0 x.taipei" })
    // the summary begins with {, so it is not touched; the display name inside it cannot run as a formula
    expect(row![8]!.startsWith('{')).toBe(true)
    expect(row![12]).toMatch(/^[0-9a-f]{64}$/)
  })

  it('takes the list\'s filters and date range; ROC dates on request', async () => {
    const res = await download(t, '/api/audit/export?from=2026-11-20&to=2026-11-20&q=x.keelung&columns=at,action&rocDates=true', auditor)
    expect(res.rows).toEqual([['時間', '動作'], ['115/11/20 10:00:00', 'staff.created']])
    expect((await download(t, '/api/audit/export?from=2026-11-21&to=2026-11-20', auditor)).status).toBe(400)
    expect((await download(t, '/api/audit/export?limit=10', auditor)).json.error.fieldErrors).toEqual({ limit: '不接受此欄位' })
  })

  it('keeps an office auditor to the rows of their office, as the list does', async () => {
    const keelung = await officeAuditor('auditor.keelung', 'AA')
    const list = await t.call('GET', '/api/audit?limit=200', { as: keelung })
    const ids = (await download(t, '/api/audit/export?columns=id,officeCode', keelung)).rows.slice(1)
    expect(ids.length).toBeGreaterThan(0)
    expect(new Set(ids.map((r) => r[1]))).toEqual(new Set(['AA']))
    expect(ids.map((r) => Number(r[0]))).toEqual(list.json.items.map((e: { id: number }) => e.id))
  })

  it('is for auditors and admins only; every export is itself on the trail, and the chain still verifies', async () => {
    expect((await download(t, '/api/audit/export', await t.login('clerk.keelung'))).status).toBe(403)
    expect((await download(t, '/api/audit/export', await t.login('supervisor.keelung'))).status).toBe(403)
    const seen = exportAudits(t).length
    await download(t, '/api/audit/export?entity=staff', admin, { 'accept-language': 'en' })
    expect(exportAudits(t).slice(seen)).toEqual([
      { action: 'export.finished', actorName: 'admin', entityId: 'audit', after: { list: 'audit', format: 'csv', columns: expect.arrayContaining(['hash']), rocDates: false, filters: { entity: 'staff' }, rows: expect.any(Number) } },
    ])
    expect(verifyAuditChain({ db: t.db }).ok).toBe(true)
  })
})
