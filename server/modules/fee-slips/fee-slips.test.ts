import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type Session } from '../../lib/testing'
import { approvedApplication } from '../payments/payments.fixtures'

let t: Awaited<ReturnType<typeof createTestApp>>
let clerk: Session
let supervisor: Session
beforeEach(async () => {
  t = await createTestApp()
  clerk = await t.login('clerk.keelung')
  supervisor = await t.login('supervisor.keelung')
})
afterEach(() => t.close())

describe('the fee slip print view', () => {
  it('gives the slip by number to staff of its office and to headquarters, and to nobody else', async () => {
    const app = await approvedApplication(t, clerk, supervisor)
    const res = await t.call('GET', `/api/fee-slips/${app.feeSlip.slipNo.toLowerCase()}`, { as: clerk })
    expect(res.status).toBe(200)
    expect(res.json).toEqual({
      slipNo: app.feeSlip.slipNo, applicationId: app.id, applicationNo: app.applicationNo, officeCode: 'AA', payerUbn: '52111891', payerName: '基隆港通報關股份有限公司',
      feeType: { 'zh-TW': '通關專屬憑證費', en: 'Customs-dedicated certificate fee' }, amount: 2000, count: 1, issuedOn: '2026-11-20', dueOn: '2026-12-04', status: 'unpaid', paidAt: null,
    })
    expect((await t.call('GET', `/api/fee-slips/${app.feeSlip.slipNo}`, { as: await t.login('auditor') })).status).toBe(200)
    expect((await t.call('GET', `/api/fee-slips/${app.feeSlip.slipNo}`, { as: await t.login('clerk.taipei') })).status).toBe(404)
    expect((await t.call('GET', `/api/fee-slips/${app.feeSlip.slipNo}`)).status).toBe(401)
    expect((await t.call('GET', '/api/fee-slips/AAF1', { as: clerk })).json.error.fieldErrors).toEqual({ slipNo: '格式不正確' })
  })
})
