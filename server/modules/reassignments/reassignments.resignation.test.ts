import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { paperForm } from '../applications/applications.fixtures'
import { DOCUMENTS, failReassignmentInserts, reassignmentsWorld, snapshot, TODAY, YESTERDAY, type World } from './reassignments.fixtures'

let w: World
beforeEach(async () => {
  w = await reassignmentsWorld()
}, 60_000)
afterEach(() => w.t.close())

const resign = (body: object, as = w.office.clerk, lang = 'zh-TW') => w.call('POST', '/resignations', as, body, lang)
const wangLeaves = { ubn: '52111891', brokerCode: 'A00001', documents: DOCUMENTS, endDate: YESTERDAY }
const appointment = (code: string, ubn: string) => w.t.sqlite.prepare('select to_date toDate, status from appointments where broker_code = ? and firm_ubn = ? order by id desc').get(code, ubn)
const registration = (id: number) => w.t.sqlite.prepare('select status, deleted_by deletedBy, deleted_reason reason from registrations where id = ?').get(id)

describe('離職: a clerk records a broker leaving a firm', () => {
  it('ends the appointment, deletes the broker’s registrations for the firm, mails the firm and keeps the history, in one go', async () => {
    const res = await resign(wangLeaves)
    expect(res.status, res.text).toBe(201)
    expect(res.json).toMatchObject({
      reassignment: {
        kind: 'resignation', status: 'done', brokerCode: 'A00001', brokerName: '王建民', fromUbn: '52111891', fromFirmName: '基隆港通報關股份有限公司', toUbn: null,
        effectiveDate: YESTERDAY, documents: DOCUMENTS, requestedBy: '陳怡安', can: { decide: false },
      },
      appointmentsEnded: 1, appointmentStarted: false, registrationsDeleted: [w.wang.serialHex], certificatesRevoked: [], mailedTo: ['contact-52111891@example.tw'],
    })
    expect(appointment('A00001', '52111891')).toEqual({ toDate: YESTERDAY, status: 'ended' })
    expect(appointment('A00002', '52111891')).toEqual({ toDate: null, status: 'active' })
    expect(registration(w.wangRegistration)).toEqual({ status: 'deleted', deletedBy: 'clerk.keelung', reason: 'resignation' })
    // the firm's own certificate and the broker's certificate itself are untouched
    expect(registration(w.corporateRegistration)).toMatchObject({ status: 'active' })
    expect(w.t.sqlite.prepare('select status from certificates where serial_hex = ?').get(w.wang.serialHex)).toEqual({ status: 'valid' })

    const mail = w.t.sqlite.prepare("select to_address, subject, body_text, status from mail_outbox where template = 'broker-resignation'").all() as { to_address: string; subject: string; body_text: string; status: string }[]
    expect(mail).toHaveLength(1)
    expect(mail[0]).toMatchObject({ to_address: 'contact-52111891@example.tw', subject: '[關港貿單一窗口]專責報關人員離職異動通知，專責報關人員代碼:A00001', status: 'pending' })
    expect(mail[0]!.body_text).toContain(w.wang.serialHex.toUpperCase())

    const audit = w.t.sqlite.prepare("select action, actor_name, entity, summary from audit_log where action in ('reassignment.resignation', 'registration.deleted') order by id").all() as { action: string; actor_name: string; summary: string }[]
    expect(audit.map((a) => [a.action, a.actor_name])).toEqual([['registration.deleted', 'clerk.keelung'], ['reassignment.resignation', 'clerk.keelung']])
    expect(JSON.parse(audit[1]!.summary).after).toMatchObject({ status: 'ended', toDate: YESTERDAY, documents: DOCUMENTS, registrationsDeleted: [w.wang.serialHex] })

    // the firm's query table no longer lists the broker's registration
    const table = await w.t.call('GET', '/api/portal/registrations', { as: w.as.keelung })
    expect(table.json.items.filter((r: { purpose: string }) => r.purpose === 'sign').map((r: { serialHex: string }) => r.serialHex)).toEqual([w.corporate.serialHex])
  })

  it('takes today as the end date, and answers in English', async () => {
    const res = await resign({ ...wangLeaves, endDate: TODAY }, w.office.clerk, 'en')
    expect(res.status).toBe(201)
    const again = await resign({ ...wangLeaves, endDate: TODAY }, w.office.clerk, 'en')
    expect(again.status).toBe(409)
    expect(again.json.error.message).toBe('Broker 王建民 (A00001) is not currently appointed to 基隆港通報關股份有限公司 (52111891); there is no appointment to end')
  })

  it('writes to the contact of the firm’s latest application when it has no portal account, and to nobody when it has neither', async () => {
    // 77457884 has no portal account and has never applied: its broker A00003 leaves, and no mail is written
    const nobody = await resign({ ...wangLeaves, ubn: '77457884', brokerCode: 'A00003' })
    expect(nobody.status).toBe(201)
    expect(nobody.json.mailedTo).toEqual([])
    // 52111891's account is disabled; the office keyed two applications for it, the later one names the contact
    w.t.sqlite.prepare("update portal_accounts set status = 'disabled' where account_id = '52111891'").run()
    for (const contactEmail of ['old@keelung-broker.example', 'new@keelung-broker.example']) {
      expect((await w.t.call('POST', '/api/applications', { as: w.office.clerk, body: { ...paperForm, kind: 'corporate', brokerCode: undefined, brokerNationalId: undefined, contactEmail } })).status).toBe(201)
      w.t.advance(1000)
    }
    const res = await resign(wangLeaves)
    expect(res.json.mailedTo).toEqual(['new@keelung-broker.example'])
    expect(w.t.sqlite.prepare("select to_address a from mail_outbox where template = 'broker-resignation'").all()).toEqual([{ a: 'new@keelung-broker.example' }])
  })
})

describe('離職: all or nothing', () => {
  it('writes nothing when a late step fails: the appointment, the registration and the mail stay as they were', async () => {
    const before = snapshot(w.t)
    failReassignmentInserts(w.t)
    const res = await resign(wangLeaves)
    expect(res.status).toBe(500)
    expect(snapshot(w.t)).toEqual(before)
  })
})
