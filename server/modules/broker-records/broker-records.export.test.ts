import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { download, exportAudits } from '../../lib/export/export.fixtures'
import { createTestApp, type Session } from '../../lib/testing'

let t: Awaited<ReturnType<typeof createTestApp>>
let helpdesk: Session
beforeAll(async () => {
  t = await createTestApp()
  helpdesk = await t.login('helpdesk')
})
afterAll(() => t.close())

/** Every page of the appointments list, walked with its cursor. */
async function allPages(query: string): Promise<number[]> {
  const ids: number[] = []
  let cursor = ''
  do {
    const page = await t.call('GET', `/api/broker-records/appointments?${query}&limit=3${cursor ? `&cursor=${cursor}` : ''}`, { as: helpdesk })
    ids.push(...page.json.items.map((a: { brokerCode: string; firmUbn: string; id: number }) => a.id))
    cursor = page.json.nextCursor ?? ''
  } while (cursor)
  return ids
}

describe('GET /api/broker-records/appointments/export', () => {
  it('writes the appointments newest first, with names, dates (ROC on request) and status', async () => {
    const res = await download(t, '/api/broker-records/appointments/export?firmUbn=61611290', helpdesk)
    expect(res.rows).toEqual([
      ['專責報關人員代碼', '專責報關人員', '統一編號', '公司名稱', '關別', '委任日期', '終止日期', '狀態'],
      ['C00002', '李俊傑', '61611290', '北辰報關股份有限公司', 'CA', '2020-01-02', '', '委任中'],
      ['C00003', '王怡君', '61611290', '北辰報關股份有限公司', 'CA', '2010-03-01', '2024-02-29', '已終止'],
      ['C00001', '張淑芬', '61611290', '北辰報關股份有限公司', 'CA', '2005-11-30', '', '委任中'],
    ])
    const roc = await download(t, '/api/broker-records/appointments/export?brokerCode=C00003&rocDates=true&columns=fromDate,toDate', helpdesk, { 'accept-language': 'en' })
    expect(roc.rows).toEqual([['From', 'To'], ['99/03/01', '113/02/29']])
  })

  it('holds every page of the list for the same filters, either way round', async () => {
    for (const query of ['order=desc', 'order=asc', 'status=active', 'q=報關', 'officeCode=AA&order=asc']) {
      const res = await download(t, `/api/broker-records/appointments/export?${query}&columns=brokerCode,firmUbn,fromDate`, helpdesk)
      const listed = await t.call('GET', `/api/broker-records/appointments?${query}&limit=200`, { as: helpdesk })
      expect(res.rows.slice(1), query).toEqual(listed.json.items.map((a: { brokerCode: string; firmUbn: string; fromDate: string }) => [a.brokerCode, a.firmUbn, a.fromDate]))
      expect(res.rows.length - 1, query).toBe((await allPages(query)).length)
    }
  })

  it('is national data: every office reads every office, as in the list; an audit row per export', async () => {
    const taipei = await t.login('clerk.taipei')
    expect((await download(t, '/api/broker-records/appointments/export?columns=brokerCode', taipei)).rows.length).toBe(11)
    expect(exportAudits(t).at(-1)).toMatchObject({ action: 'export.finished', actorName: 'clerk.taipei', entityId: 'appointments', after: { rows: 10, filters: { order: 'desc' } } })
  })

  it('refuses unknown filters and columns, and callers without a staff session', async () => {
    expect((await download(t, '/api/broker-records/appointments/export?ubn=61611290', helpdesk)).json.error.fieldErrors).toEqual({ ubn: '不接受此欄位' })
    expect((await download(t, '/api/broker-records/appointments/export?columns=nationalId', helpdesk)).status).toBe(400)
    expect((await t.app.request('/api/broker-records/appointments/export')).status).toBe(401)
  })
})
