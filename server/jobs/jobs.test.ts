import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp } from '../lib/testing'
import { paperForm } from '../modules/applications/applications.fixtures'
import { isoWeek } from './expiry-notices'
import { runJob } from './runner'

let t: Awaited<ReturnType<typeof createTestApp>>
beforeEach(async () => {
  t = await createTestApp()
})
afterEach(() => t.close())

const run = (name: 'fee-expiry' | 'expiry-notices') => runJob(name, { db: t.db, ca: t.ca }, t.now())
const DAY = 86_400_000

async function approvedApplication() {
  const clerk = await t.login('clerk.keelung')
  const supervisor = await t.login('supervisor.keelung')
  const draft = (await t.call('POST', '/api/applications', { as: clerk, body: paperForm })).json
  const app = (await t.call('POST', `/api/applications/${draft.id}/submit`, { as: clerk, body: { version: draft.version } })).json
  return (await t.call('POST', `/api/applications/${app.id}/decide`, { as: supervisor, body: { decision: 'approve', version: app.version } })).json
}

describe('the daily fee deadline', () => {
  it('voids an unpaid slip the day after its due date, cancels the application (A9) with the mail, once', async () => {
    const app = await approvedApplication()
    expect(app.feeSlip.dueOn).toBe('2026-12-04')
    t.advance(14 * DAY)
    expect((await run('fee-expiry')).summary).toEqual({ count: 0, voided: [] })
    t.advance(DAY)
    expect((await run('fee-expiry')).summary).toEqual({ count: 1, voided: [app.feeSlip.slipNo] })
    expect(t.sqlite.prepare('select status from applications where id = ?').get(app.id)).toEqual({ status: 'A9' })
    expect(t.sqlite.prepare('select status from fee_slips where slip_no = ?').get(app.feeSlip.slipNo)).toEqual({ status: 'void' })
    expect((t.sqlite.prepare("select subject from mail_outbox where template = 'application-cancelled'").get() as { subject: string }).subject).toBe(`[關港貿單一窗口]通關專屬憑證申請逾期未繳費取消申請通知，申請序號:${app.applicationNo}`)
    expect((await run('fee-expiry')).summary).toEqual({ count: 0, voided: [] })
    expect(t.sqlite.prepare("select job, status from job_runs order by id").all()).toEqual([
      { job: 'fee-expiry', status: 'ok' }, { job: 'fee-expiry', status: 'ok' }, { job: 'fee-expiry', status: 'ok' },
    ])
  })
})

describe('the weekly expiry notice', () => {
  function certificateEndingIn(days: number, applicationId: number) {
    t.sqlite.prepare(`insert into certificates (serial_hex, ca_name, kind, subject_dn, ubn, office_code, status, not_before, not_after, application_id, created_at)
      values ('0a1b2c', 'customs', 'corporate', 'CN=52111891-01-000', '52111891', 'AA', 'valid', ?, ?, ?, ?)`).run(t.now().toISOString(), new Date(t.now().getTime() + days * DAY).toISOString(), applicationId, t.now().toISOString())
  }

  it('mails the contact once per week for a certificate ending within 30 days, and stops once a renewal is under way', async () => {
    const app = await approvedApplication()
    certificateEndingIn(20, app.id)
    expect((await run('expiry-notices')).summary).toMatchObject({ sent: 1, cycle: '2026-W47' })
    expect((await run('expiry-notices')).summary).toMatchObject({ sent: 0 })
    t.advance(7 * DAY)
    expect((await run('expiry-notices')).summary).toMatchObject({ sent: 1, cycle: '2026-W48' })
    t.sqlite.prepare("update applications set service = 'renew', target_serial = '0a1b2c', status = '00' where id = ?").run(app.id)
    t.advance(7 * DAY)
    expect((await run('expiry-notices')).summary).toMatchObject({ sent: 0 })
    expect(t.sqlite.prepare("select count(*) n from mail_outbox where template = 'certificate-expiry'").get()).toEqual({ n: 2 })
  })

  it('names ISO weeks across year ends', () => {
    expect(isoWeek('2026-11-22')).toBe('2026-W47')
    expect(isoWeek('2021-01-03')).toBe('2020-W53')
    expect(isoWeek('2024-12-30')).toBe('2025-W01')
  })
})
