import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { download, exportAudits } from '../../lib/export/export.fixtures'
import { createTestApp, type Session } from '../../lib/testing'

let t: Awaited<ReturnType<typeof createTestApp>>
let clerk: Session
let hq: Session
beforeAll(async () => {
  t = await createTestApp()
  clerk = await t.login('clerk.keelung')
  hq = await t.login('auditor')
  const add = t.sqlite.prepare(`insert into applications (application_no, channel, service, status, office_code, ubn, company_name, contact_name, contact_phone, contact_mobile, contact_email,
    business_type, kind, box_no, broker_code, privacy_consent, submitted_at, created_at, updated_at) values (?, 'paper', 'new', ?, ?, '52111891', ?, 'x', '02-1', '0912', 'a@b.example', 'customs-broker', ?, 'K01', ?, 1, ?, ?, ?)`)
  const row = (no: string, status: string, office: string, company: string, submittedAt: string, broker: string | null = null) => add.run(no, status, office, company, broker ? 'personal' : 'corporate', broker, submittedAt, submittedAt, submittedAt)
  row('AA1150000011', '00', 'AA', '基隆港通報關股份有限公司', '2026-11-10T02:00:00.000Z', 'A00001')
  row('AA1150000022', '00', 'AA', '=HYPERLINK("http://evil.example")', '2026-11-12T03:04:05.000Z')
  row('AA1150000033', '10', 'AA', 'Comma, "Quoted"\nand a new line', '2026-11-15T16:30:00.000Z')
  row('CA1150000011', '00', 'CA', '臺北報關行', '2026-11-11T02:00:00.000Z')
})
afterAll(() => t.close())

describe('GET /api/applications/export', () => {
  it('writes what the filters select as UTF-8 CSV with a BOM, zh-TW headings, RFC 4180 quoting and formulas defused', async () => {
    const res = await download(t, '/api/applications/export?status=00', clerk)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="applications-20261120.csv"')
    expect([...res.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(res.rows[0]).toEqual(['申請序號', '狀態代碼', '狀態', '管道', '申請類別', '憑證種類', '關別', '統一編號', '公司名稱', '專責報關人員代碼', '收件時間', '等待天數', '逾期'])
    expect(res.rows.slice(1).map((r) => r[0])).toEqual(['AA1150000011', 'AA1150000022'])
    expect(res.rows[1]).toEqual(['AA1150000011', '00', '待審核', '紙本', '新申請', '個人（專責報關人員）', 'AA', '52111891', '基隆港通報關股份有限公司', 'A00001', '2026-11-10 10:00:00', '10', '是'])
    expect(res.rows[2]![8]).toBe(`'=HYPERLINK("http://evil.example")`)
    expect(res.text).toContain(`"'=HYPERLINK(""http://evil.example"")"`)
    expect(res.text.endsWith('\r\n')).toBe(true)
  })

  it('quotes commas, quotes and line breaks, and writes ROC dates when asked, in English when asked', async () => {
    const res = await download(t, '/api/applications/export?status=10&rocDates=true', clerk, { 'accept-language': 'en' })
    expect(res.rows[0]!.slice(0, 3)).toEqual(['Application no.', 'Status code', 'Status'])
    expect(res.rows[1]![8]).toBe('Comma, "Quoted"\nand a new line')
    expect(res.text).toContain('"Comma, ""Quoted""\nand a new line"')
    // 16:30 UTC on the 15th is 00:30 on the 16th in Taipei
    expect(res.rows[1]![10]).toBe('115/11/16 00:30:00')
  })

  it('gives the columns asked for, in that order, and refuses an unknown one by name', async () => {
    const res = await download(t, '/api/applications/export?columns=submittedAt,applicationNo&q=AA1150000011&rocDates=false', clerk)
    expect(res.rows).toEqual([['收件時間', '申請序號'], ['2026-11-10 10:00:00', 'AA1150000011']])
    const bad = await download(t, '/api/applications/export?columns=applicationNo,password,secret', clerk, { 'accept-language': 'en' })
    expect(bad.status).toBe(400)
    expect(bad.json.error.fieldErrors).toEqual({ columns: 'No such column: password, secret' })
  })

  it('keeps to the office of the user, as the queue does; headquarters sees every office and may pick one', async () => {
    const taipei = await t.login('clerk.taipei')
    expect((await download(t, '/api/applications/export?columns=applicationNo', taipei)).rows).toEqual([['申請序號'], ['CA1150000011']])
    expect((await download(t, '/api/applications/export?columns=applicationNo&officeCode=AA', taipei)).rows).toEqual([['申請序號']])
    expect((await download(t, '/api/applications/export?columns=applicationNo', hq)).rows.length).toBe(5)
    expect((await download(t, '/api/applications/export?columns=applicationNo&officeCode=CA', hq)).rows.slice(1)).toEqual([['CA1150000011']])
  })

  it('refuses unknown filters, paging, a bad format and a reversed date range; refuses roles the queue refuses', async () => {
    const unknown = await download(t, '/api/applications/export?ubn=52111891', clerk)
    expect(unknown.status).toBe(400)
    expect(unknown.json.error.fieldErrors).toEqual({ ubn: '不接受此欄位' })
    expect((await download(t, '/api/applications/export?cursor=abc', clerk)).json.error.fieldErrors).toEqual({ cursor: '不接受此欄位' })
    expect((await download(t, '/api/applications/export?format=pdf', clerk)).json.error.fieldErrors).toHaveProperty('format')
    expect((await download(t, '/api/applications/export?from=2026-11-20&to=2026-11-01', clerk)).json.error.fieldErrors).toHaveProperty('to')
    expect((await download(t, '/api/applications/export', await t.login('helpdesk'))).status).toBe(403)
    expect((await t.app.request('/api/applications/export')).status).toBe(401)
  })

  it('records one audit row per export: who, the list, the filters, the format and the row count', async () => {
    const before = exportAudits(t).length
    await download(t, '/api/applications/export?status=00&format=xlsx&columns=applicationNo', clerk)
    const audits = exportAudits(t)
    expect(audits.length).toBe(before + 1)
    expect(audits.at(-1)).toEqual({
      action: 'export.finished', actorName: 'clerk.keelung', entityId: 'applications',
      after: { list: 'applications', format: 'xlsx', columns: ['applicationNo'], rocDates: false, filters: { status: '00', overdue: false, sort: 'submittedAt', order: 'asc' }, rows: 2 },
    })
  })
})
