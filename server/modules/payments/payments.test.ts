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
const pay = (slipNo: string, extra: Record<string, unknown> = {}, as = clerk) =>
  t.call('POST', '/api/payments', { as, body: { slipNo, amount: 2000, paidOn: '2026-11-20', channel: 'counter', ...extra }, headers: { 'accept-language': 'en' } })
/** The same slip number with its check digit changed: the right shape, the wrong number. */
const badCheckDigit = (no: string) => no.slice(0, 13) + ((Number(no[13]) + 1) % 10)

describe('recording a payment', () => {
  it('moves the application 10 → 20, marks the slip paid, adds the history line, queues the 20 mail and audits it', async () => {
    const app = await approvedApplication(t, clerk, supervisor)
    const res = await pay(app.feeSlip.slipNo)
    expect(res.status).toBe(201)
    expect(res.json).toMatchObject({ alreadyRecorded: false, payment: { slipNo: app.feeSlip.slipNo, applicationNo: app.applicationNo, amount: 2000, paidOn: '2026-11-20', channel: 'counter', source: 'clerk', recordedBy: '陳怡安', payerUbn: '52111891' } })
    const after = (await t.call('GET', `/api/applications/${app.id}`, { as: clerk })).json
    expect(after.status).toBe('20')
    expect(after.feeSlip.status).toBe('paid')
    expect(after.events.map((e: { action: string }) => e.action)).toEqual(['created', 'submitted', 'approved', 'paid'])
    const mail = t.sqlite.prepare("select to_address, subject from mail_outbox where application_id = ? and template = 'application-paid'").all(app.id)
    expect(mail).toEqual([{ to_address: paperForm.contactEmail, subject: `[關港貿單一窗口]通關專屬憑證完成繳費，請產製金鑰，申請序號:${app.applicationNo}` }])
    expect(count("select count(*) n from audit_log where action in ('payment.recorded', 'application.paid')")).toBe(2)
  })

  it('recording the same payment twice changes nothing: 200 with the earlier payment', async () => {
    const app = await approvedApplication(t, clerk, supervisor)
    const first = await pay(app.feeSlip.slipNo)
    const audits = count('select count(*) n from audit_log')
    const again = await pay(app.feeSlip.slipNo, {}, supervisor)
    expect(again.status).toBe(200)
    expect(again.json).toEqual({ alreadyRecorded: true, payment: first.json.payment })
    expect(count('select count(*) n from payments')).toBe(1)
    expect(count('select count(*) n from audit_log')).toBe(audits)
    expect(count("select count(*) n from mail_outbox where template = 'application-paid'")).toBe(1)
  })

  it('50 identical payments at once have exactly one effect', async () => {
    const app = await approvedApplication(t, clerk, supervisor)
    const results = await Promise.all(Array.from({ length: 50 }, () => pay(app.feeSlip.slipNo)))
    expect(results.map((r) => r.status).sort()).toEqual([...Array(49).fill(200), 201])
    expect(results.filter((r) => r.json.alreadyRecorded).length).toBe(49)
    expect(count('select count(*) n from payments')).toBe(1)
    expect(count("select count(*) n from application_events where action = 'paid' and to_status = '20'")).toBe(1)
    expect(count("select count(*) n from mail_outbox where template = 'application-paid'")).toBe(1)
  })

  it('refuses a bad check digit, an unknown slip and a wrong amount on their fields', async () => {
    const app = await approvedApplication(t, clerk, supervisor)
    const bad = await pay(badCheckDigit(app.feeSlip.slipNo))
    expect(bad.status).toBe(400)
    expect(bad.json.error.fieldErrors).toEqual({ slipNo: expect.stringContaining('check digit') })
    const unknown = await pay(formatFeeSlipNo('AA', 115, 99999))
    expect(unknown.status).toBe(404)
    expect(unknown.json.error.fieldErrors).toEqual({ slipNo: 'No fee slip has this number' })
    const amount = await pay(app.feeSlip.slipNo, { amount: 200 })
    expect(amount.status).toBe(400)
    expect(amount.json.error.fieldErrors).toEqual({ amount: 'Wrong amount: this slip is for NT$2,000' })
    const future = await pay(app.feeSlip.slipNo, { paidOn: '2026-11-21' })
    expect(future.json.error.fieldErrors).toEqual({ paidOn: 'The payment date cannot be in the future' })
    const early = await pay(app.feeSlip.slipNo, { paidOn: '2026-11-19' })
    expect(early.json.error.fieldErrors).toEqual({ paidOn: 'The payment date cannot be before the slip was issued (2026-11-20)' })
    expect(count('select count(*) n from payments')).toBe(0)
  })

  it('does not find another office\'s slip', async () => {
    const app = await approvedApplication(t, clerk, supervisor)
    const res = await pay(app.feeSlip.slipNo, {}, await t.login('clerk.taipei'))
    expect(res.status).toBe(404)
    expect(res.json.error.fieldErrors.slipNo).toBe('No fee slip has this number')
  })

  it('refuses a void slip with a 409 that says so', async () => {
    const app = await approvedApplication(t, clerk, supervisor)
    t.sqlite.prepare("update fee_slips set status = 'void' where slip_no = ?").run(app.feeSlip.slipNo)
    const res = await pay(app.feeSlip.slipNo)
    expect(res.status).toBe(409)
    expect(res.json.error.message).toBe(`Fee slip ${app.feeSlip.slipNo} is void (due 2026-12-04); it cannot be paid`)
    expect(count('select count(*) n from payments')).toBe(0)
  })

  it('decides lateness by the payment date: paid by the due date is recorded later, paid after it never', async () => {
    const app = await approvedApplication(t, clerk, supervisor)
    t.advance(16 * 86_400_000) // 2026-12-06: the slip is past due but not yet voided
    clerk = await t.login('clerk.keelung')
    const late = await pay(app.feeSlip.slipNo, { paidOn: '2026-12-05' })
    expect(late.status).toBe(409)
    expect(late.json.error.message).toContain('after the due date 2026-12-04')
    const inTime = await pay(app.feeSlip.slipNo, { paidOn: '2026-12-04' })
    expect(inTime.status).toBe(201)
  })

  it('lets only clerks and supervisors record; lists payments by office with keyset paging', async () => {
    const a = await approvedApplication(t, clerk, supervisor)
    const b = await approvedApplication(t, clerk, supervisor, { ...paperForm, kind: 'corporate', brokerCode: null, brokerNationalId: null, boxNo: 'K02' })
    expect((await pay(a.feeSlip.slipNo, {}, await t.login('auditor'))).status).toBe(403)
    expect((await pay(a.feeSlip.slipNo)).status).toBe(201)
    t.advance(86_400_000)
    clerk = await t.login('clerk.keelung')
    supervisor = await t.login('supervisor.keelung')
    expect((await pay(b.feeSlip.slipNo, { paidOn: '2026-11-21' })).status).toBe(201)
    const first = await t.call('GET', '/api/payments?limit=1', { as: supervisor })
    expect(first.json.items.map((p: { slipNo: string }) => p.slipNo)).toEqual([b.feeSlip.slipNo])
    const second = await t.call('GET', `/api/payments?limit=1&cursor=${first.json.nextCursor}`, { as: supervisor })
    expect(second.json).toMatchObject({ items: [{ slipNo: a.feeSlip.slipNo }], nextCursor: null })
    expect(first.json.total).toEqual({ count: 2, capped: false })
    const auditor = await t.login('auditor')
    const search = async (q: string) => (await t.call('GET', `/api/payments?q=${encodeURIComponent(q)}`, { as: auditor })).json.items.map((p: { slipNo: string }) => p.slipNo)
    expect(await search(b.applicationNo)).toEqual([b.feeSlip.slipNo])
    expect(await search(a.feeSlip.slipNo.toLowerCase())).toEqual([a.feeSlip.slipNo])
    // part of the payer's name (the application's company name), newest payment first
    expect(await search('港通')).toEqual([b.feeSlip.slipNo, a.feeSlip.slipNo])
    expect((await t.call('GET', `/api/payments?q=${encodeURIComponent('港通')}`, { as: auditor })).json.total).toEqual({ count: 2, capped: false })
    expect((await t.call('GET', `/api/payments?q=${a.feeSlip.slipNo}`, { as: auditor })).json.total).toEqual({ count: 1, capped: false })
    expect(await search('不存在')).toEqual([])
    expect((await t.call('GET', '/api/payments?from=2026-11-21', { as: clerk })).json.items).toHaveLength(1)
    expect((await t.call('GET', '/api/payments', { as: await t.login('clerk.taipei') })).json.items).toEqual([])
  })
})
