import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { download, exportAudits } from '../../lib/export/export.fixtures'
import { createTestApp, type Session } from '../../lib/testing'

let t: Awaited<ReturnType<typeof createTestApp>>
let clerk: Session
beforeAll(async () => {
  t = await createTestApp()
  clerk = await t.login('clerk.keelung')
  const app = t.sqlite.prepare(`insert into applications (application_no, channel, service, status, office_code, ubn, company_name, contact_name, contact_phone, contact_mobile, contact_email,
    business_type, kind, box_no, privacy_consent, created_at, updated_at) values (?, 'paper', 'new', '10', ?, ?, ?, 'x', '02-1', '0912', 'a@b.example', 'customs-broker', 'corporate', 'K01', 1, '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')`)
  const slip = t.sqlite.prepare(`insert into fee_slips (slip_no, application_id, office_code, payer_ubn, payer_name, amount, issued_on, due_on, status, created_at)
    values (?, ?, ?, ?, ?, 2000, ?, ?, ?, '2026-11-01T00:00:00Z')`)
  const pay = t.sqlite.prepare(`insert into payments (fee_slip_id, slip_no, amount, paid_on, channel, reference, source, recorded_at) values (?, ?, 2000, ?, ?, ?, 'bank-file', '2026-11-10T00:00:00Z')`)
  const add = (no: string, office: string, ubn: string, payer: string, issued: string, status: string, paid?: [string, string, string | null]) => {
    const appId = app.run(`${office}115${no.slice(-7)}`, office, ubn, payer).lastInsertRowid
    const slipId = slip.run(no, appId, office, ubn, payer, issued, '2026-11-30', status).lastInsertRowid
    if (paid) pay.run(slipId, no, ...paid)
  }
  add('AAF11500000011', 'AA', '52111891', '基隆港通報關股份有限公司', '2026-11-01', 'paid', ['2026-11-05', 'atm', 'TX-0001'])
  add('AAF11500000022', 'AA', '77457884', '和平島海運報關有限公司', '2026-11-02', 'unpaid')
  add('AAF11500000033', 'AA', '77457884', '@和平島海運報關有限公司', '2026-10-01', 'void')
  add('AAF11500000044', 'AA', '52111891', '基隆港通報關股份有限公司', '2026-11-03', 'paid', ['2026-11-12', 'counter', null])
  add('CAF11500000011', 'CA', '61611290', '北辰報關股份有限公司', '2026-11-01', 'paid', ['2026-11-06', 'bank-transfer', 'TX-0002'])
})
afterAll(() => t.close())

describe('GET /api/fee-slips/export', () => {
  it('writes every slip of the office with its payment, newest first, unpaid and void ones too', async () => {
    const res = await download(t, '/api/fee-slips/export', clerk)
    expect(res.rows).toEqual([
      ['繳款單號碼', '申請序號', '關別', '繳款人統一編號', '繳款人', '金額', '開單日期', '繳費期限', '狀態', '繳費日期', '繳費管道', '銀行交易序號'],
      ['AAF11500000044', 'AA1150000044', 'AA', '52111891', '基隆港通報關股份有限公司', '2000', '2026-11-03', '2026-11-30', '已繳費', '2026-11-12', '臨櫃', ''],
      ['AAF11500000033', 'AA1150000033', 'AA', '77457884', "'@和平島海運報關有限公司", '2000', '2026-10-01', '2026-11-30', '已作廢', '', '', ''],
      ['AAF11500000022', 'AA1150000022', 'AA', '77457884', '和平島海運報關有限公司', '2000', '2026-11-02', '2026-11-30', '待繳費', '', '', ''],
      ['AAF11500000011', 'AA1150000011', 'AA', '52111891', '基隆港通報關股份有限公司', '2000', '2026-11-01', '2026-11-30', '已繳費', '2026-11-05', 'ATM 轉帳', 'TX-0001'],
    ])
  })

  it('takes the payments page\'s filters: the search box, and a payment date range that leaves out unpaid slips', async () => {
    const byUbn = await download(t, '/api/fee-slips/export?q=77457884&columns=slipNo', clerk)
    expect(byUbn.rows.slice(1)).toEqual([['AAF11500000033'], ['AAF11500000022']])
    const byRef = await download(t, '/api/fee-slips/export?q=TX-0001&columns=slipNo,paidOn&rocDates=true', clerk, { 'accept-language': 'en' })
    expect(byRef.rows).toEqual([['Slip no.', 'Paid on'], ['AAF11500000011', '115/11/05']])
    const paidEarly = await download(t, '/api/fee-slips/export?from=2026-11-01&to=2026-11-10&columns=slipNo', clerk)
    expect(paidEarly.rows.slice(1)).toEqual([['AAF11500000011']])
    expect((await download(t, '/api/fee-slips/export?status=paid', clerk)).json.error.fieldErrors).toEqual({ status: '不接受此欄位' })
    expect((await download(t, '/api/fee-slips/export?from=2026-11-10&to=2026-11-01', clerk)).status).toBe(400)
  })

  it('keeps to the office of the user; headquarters sees all; readers of the payments page only', async () => {
    const taipei = await t.login('clerk.taipei')
    expect((await download(t, '/api/fee-slips/export?columns=slipNo', taipei)).rows.slice(1)).toEqual([['CAF11500000011']])
    expect((await download(t, '/api/fee-slips/export?columns=slipNo', await t.login('auditor'))).rows.length).toBe(6)
    expect((await download(t, '/api/fee-slips/export', await t.login('helpdesk'))).status).toBe(403)
    expect(exportAudits(t).at(-1)).toMatchObject({ action: 'export.finished', actorName: 'auditor', entityId: 'fee-slips', after: { rows: 5, filters: {} } })
  })
})
