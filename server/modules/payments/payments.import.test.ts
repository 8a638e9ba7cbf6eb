import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { formatFeeSlipNo } from '../../../core/workflow/fee-slip-number'
import { createTestApp, type Session } from '../../lib/testing'
import { paperForm } from '../applications/applications.fixtures'
import { approvedApplication } from './payments.fixtures'

let t: Awaited<ReturnType<typeof createTestApp>>
let clerk: Session
let supervisor: Session
beforeEach(async () => {
  t = await createTestApp()
  clerk = await t.login('clerk.keelung')
  supervisor = await t.login('supervisor.keelung')
})
afterEach(() => t.close())

const count = (sql: string, ...args: unknown[]) => (t.sqlite.prepare(sql).get(...args) as { n: number }).n
const HEADER = 'reference,slip_no,amount,paid_on,channel'

async function upload(csv: string, as = clerk, name = 'bank-20261120.csv') {
  const form = new FormData()
  form.set('file', new File([csv], name, { type: 'text/csv' }))
  const res = await t.app.request('/api/payments/import', { method: 'POST', body: form, headers: { cookie: as.cookie, 'x-csrf-token': as.csrfToken, 'accept-language': 'en' } })
  return { status: res.status, json: await res.json() }
}

describe('the bank reconciliation file', () => {
  it('applies the rows that settle a slip and reports every other row; the same file twice changes nothing', async () => {
    const a = await approvedApplication(t, clerk, supervisor)
    const b = await approvedApplication(t, clerk, supervisor, { ...paperForm, kind: 'corporate', brokerCode: null, brokerNationalId: null, boxNo: 'K02' })
    const c = await approvedApplication(t, clerk, supervisor, { ...paperForm, brokerCode: 'A00002', brokerNationalId: 'A298698799' })
    t.sqlite.prepare("update fee_slips set status = 'void' where slip_no = ?").run(c.feeSlip.slipNo)
    const csv = `\uFEFF${HEADER}\r\n` + [
      `TX001,${a.feeSlip.slipNo},2000,2026-11-20,atm`,
      `TX002,${b.feeSlip.slipNo},1000,2026-11-20,counter`,
      `TX001,${b.feeSlip.slipNo},2000,2026-11-20,counter`,
      `TX003,${a.feeSlip.slipNo},2000,2026-11-20,atm`,
      `TX004,${c.feeSlip.slipNo},2000,2026-11-20,atm`,
      `TX005,${formatFeeSlipNo('AA', 115, 99999)},2000,2026-11-20,atm`,
      ',,,,',
    ].join('\r\n') + '\r\n'
    const first = await upload(csv)
    expect(first.status).toBe(200)
    expect(first.json).toMatchObject({ rows: 6, applied: 1, alreadyImported: false })
    expect(first.json.report.map((r: { line: number; outcome: string }) => [r.line, r.outcome])).toEqual([[2, 'applied'], [3, 'wrong-amount'], [4, 'duplicate'], [5, 'already-paid'], [6, 'void'], [7, 'unknown-slip']])
    expect(first.json.report[1].message).toBe('Wrong amount: this slip is for NT$2,000')
    expect((await t.call('GET', `/api/applications/${a.id}`, { as: clerk })).json.status).toBe('20')
    expect((await t.call('GET', `/api/applications/${b.id}`, { as: clerk })).json.status).toBe('10')
    expect(t.sqlite.prepare("select subject from mail_outbox where template = 'application-paid'").all()).toEqual([{ subject: `[關港貿單一窗口]通關專屬憑證完成繳費，請產製金鑰，申請序號:${a.applicationNo}` }])
    expect(count("select count(*) n from audit_log where action = 'payments.imported'")).toBe(1)

    const audits = count('select count(*) n from audit_log')
    const again = await upload(csv, supervisor, 'renamed.csv')
    expect(again.status).toBe(200)
    expect(again.json).toMatchObject({ importId: first.json.importId, fileName: 'bank-20261120.csv', rows: 6, applied: 1, alreadyImported: true })
    expect(again.json.report.map((r: { outcome: string }) => r.outcome)).toEqual(['applied', 'wrong-amount', 'duplicate', 'already-paid', 'void', 'unknown-slip'])
    expect(count('select count(*) n from payments')).toBe(1)
    expect(count('select count(*) n from bank_imports')).toBe(1)
    expect(count('select count(*) n from audit_log')).toBe(audits)
  })

  it('a reference recorded by an earlier file is a duplicate; a file without a BOM and with LF works', async () => {
    const a = await approvedApplication(t, clerk, supervisor)
    await upload(`${HEADER}\nTX9,${a.feeSlip.slipNo},2000,2026-11-20,counter\n`)
    const res = await upload(`slip_no,reference,amount,paid_on,channel\n${a.feeSlip.slipNo},TX9,2000,2026-11-19,counter\n`)
    expect(res.json.report).toEqual([expect.objectContaining({ line: 2, outcome: 'duplicate', reference: 'TX9' })])
  })

  it('refuses a file with a malformed row whole, naming line and column, and applies nothing', async () => {
    const a = await approvedApplication(t, clerk, supervisor)
    const wrongDigit = a.feeSlip.slipNo.slice(0, 13) + ((Number(a.feeSlip.slipNo[13]) + 1) % 10)
    const csv = `${HEADER}\nTX1,${a.feeSlip.slipNo},2000,2026-11-20,atm\nTX2,${wrongDigit},2k,2026-02-30,atm\nTX3,${a.feeSlip.slipNo},2000,2026-11-20,cash\n`
    const res = await upload(csv)
    expect(res.status).toBe(400)
    expect(res.json.error.rows.map((r: { line: number; column: string }) => [r.line, r.column])).toEqual([[3, 'slip_no'], [3, 'amount'], [3, 'paid_on'], [4, 'channel']])
    expect(count('select count(*) n from payments')).toBe(0)
    expect(count('select count(*) n from bank_imports')).toBe(0)
    expect((await upload('ref,slip\n1,2\n')).json.error.rows[0]).toMatchObject({ line: 1, column: '' })
    expect((await upload(`${HEADER}\n`)).json.error.fieldErrors.file).toContain('no data rows')
  })

  it('takes up to 2 MB past the app\'s 1 MB limit, and answers 413 beyond it', async () => {
    const filler = `${HEADER}\n` + ',,,,\n'.repeat(300_000) // 1.5 MB of skipped blank rows
    expect((await upload(filler)).json.error.fieldErrors.file).toContain('no data rows')
    const big = await upload(`${HEADER}\n` + ',,,,\n'.repeat(450_000))
    expect(big.status).toBe(413)
    expect(big.json.error.message).toContain('2 MB')
  })

  it('is for clerks and supervisors only', async () => {
    expect((await upload(`${HEADER}\n`, await t.login('auditor'))).status).toBe(403)
  })
})
