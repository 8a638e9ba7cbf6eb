import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Session } from '../../lib/testing'
import { crlText, onCrl } from '../certificates/certificates.fixtures'
import { grantRole, issueCustoms, reassignmentsWorld, snapshot, YESTERDAY, type World } from './reassignments.fixtures'

let w: World
beforeEach(async () => {
  w = await reassignmentsWorld()
}, 60_000)
afterEach(() => w.t.close())

const loses = { brokerCode: 'A00001', effectiveDate: YESTERDAY, reason: '經判決確定喪失專責報關人員資格' }
const file = async (as = w.office.clerk) => {
  const res = await w.call('POST', '/disqualifications', as, loses)
  expect(res.status, res.text).toBe(201)
  return res.json as { id: number; version: number }
}
const approve = (r: { id: number; version: number }, as: Session = w.office.supervisor) => w.call('POST', `/${r.id}/approve`, as, { version: r.version })
const certificate = (serial: string) => w.t.sqlite.prepare('select status, revocation_reason reason from certificates where serial_hex = ?').get(serial)
const audits = (action: string) => (w.t.sqlite.prepare('select count(*) n from audit_log where action = ?').get(action) as { n: number }).n

describe('喪失資格: filed by a clerk, carried out when a supervisor approves', () => {
  it('filing changes nothing but the request; approval ends the appointment, disqualifies, deletes the registration and revokes every live certificate, on the CRL at once', async () => {
    // a second certificate of the broker is on hold, a third was revoked for another reason long ago
    const held = await issueCustoms(w.t, { ubn: '52111891', brokerCode: 'A00001' })
    const old = await issueCustoms(w.t, { ubn: '52111891', brokerCode: 'A00001' })
    expect((await w.t.call('POST', `/api/certificates/${held.serialHex}/hold`, { as: w.office.supervisor, body: {} })).status).toBe(200)
    expect((await w.t.call('POST', `/api/certificates/${old.serialHex}/revoke`, { as: w.office.supervisor, body: { reason: 'keyCompromise' } })).status).toBe(200)

    const before = snapshot(w.t)
    const filed = await file()
    expect(filed).toMatchObject({ kind: 'disqualification', status: 'pending', brokerCode: 'A00001', fromUbn: '52111891', reason: loses.reason, requestedBy: '陳怡安', can: { decide: false } })
    const { reassignments: _r, audit: _a, ...untouched } = before
    expect(snapshot(w.t)).toMatchObject(untouched)

    w.t.advance(600_000)
    const res = await approve(filed)
    expect(res.status, res.text).toBe(200)
    expect(res.json).toMatchObject({
      reassignment: { status: 'done', decidedBy: '林志豪', decidedAt: w.t.now().toISOString(), version: 2 },
      appointmentsEnded: 1, registrationsDeleted: [w.wang.serialHex], certificatesRevoked: [w.wang.serialHex, held.serialHex],
    })
    expect(w.t.sqlite.prepare("select to_date, status from appointments where broker_code = 'A00001'").all()).toEqual([{ to_date: YESTERDAY, status: 'ended' }])
    expect(w.t.sqlite.prepare("select qualification_status q, disqualified_on d from brokers where code = 'A00001'").get()).toEqual({ q: 'disqualified', d: YESTERDAY })
    expect(w.t.sqlite.prepare('select status, certificate_status c, deleted_reason r, deleted_by b from registrations where id = ?').get(w.wangRegistration)).toEqual({ status: 'deleted', c: 'revoked', r: 'disqualification', b: 'supervisor.keelung' })
    expect(certificate(w.wang.serialHex)).toEqual({ status: 'revoked', reason: 'privilegeWithdrawn' })
    expect(certificate(held.serialHex)).toEqual({ status: 'revoked', reason: 'privilegeWithdrawn' })
    expect(certificate(old.serialHex)).toEqual({ status: 'revoked', reason: 'keyCompromise' })
    expect(certificate(w.corporate.serialHex)).toEqual({ status: 'valid', reason: null })
    expect(w.t.sqlite.prepare('select status from registrations where id = ?').get(w.corporateRegistration)).toEqual({ status: 'active' })

    // the CRL the Single Window downloads already lists both, as withdrawn privileges
    const crl = await crlText(w.t)
    expect(crl).toContain(onCrl(w.wang.serialHex))
    expect(crl).toContain(onCrl(held.serialHex))
    expect(crl).toContain('Privilege Withdrawn')
    expect(crl).not.toContain(onCrl(w.corporate.serialHex))

    expect(audits('certificate.revoked')).toBe(3)
    expect(audits('reassignment.disqualification_filed')).toBe(1)
    expect(audits('reassignment.disqualification_approved')).toBe(1)
    const note = w.t.sqlite.prepare("select summary from audit_log where action = 'certificate.revoked' and entity_id = ?").get(w.wang.serialHex) as { summary: string }
    expect(JSON.parse(note.summary).after).toEqual({ status: 'revoked', revocationReason: 'privilegeWithdrawn', note: `喪失資格（異動案件 #${filed.id}）：${loses.reason}` })
  })

  it('a supervisor may reject it with a reason; nothing else changes and it cannot be approved afterwards', async () => {
    const filed = await file()
    const before = snapshot(w.t)
    const res = await w.call('POST', `/${filed.id}/reject`, w.office.supervisor, { version: filed.version, reason: '判決尚未確定' })
    expect(res.status).toBe(200)
    expect(res.json).toMatchObject({ status: 'rejected', rejectReason: '判決尚未確定', decidedBy: '林志豪', can: { decide: false } })
    const { reassignments: _r, audit: _a, ...untouched } = before
    expect(snapshot(w.t)).toMatchObject(untouched)
    const late = await approve({ id: filed.id, version: 2 })
    expect(late.status).toBe(409)
    expect(late.json.error.message).toBe('此案件已核定，無法再次決行')
    // a new request may be filed after a rejection
    await file()
  })

  it('the filer cannot approve or reject their own request; another supervisor can', async () => {
    grantRole(w.t, 'clerk.keelung', 'supervisor')
    const filed = await file()
    const own = await approve(filed, w.office.clerk)
    expect(own.status).toBe(403)
    expect(own.json.error.message).toBe('此案件由您提出，須由其他主管核定')
    expect((await w.call('POST', `/${filed.id}/reject`, w.office.clerk, { version: filed.version, reason: 'x' })).status).toBe(403)
    expect(w.t.sqlite.prepare("select qualification_status q from brokers where code = 'A00001'").get()).toEqual({ q: 'qualified' })
    const list = await w.call('GET', '?status=pending', w.office.clerk)
    expect(list.json.items[0].can).toEqual({ decide: false })
    expect((await w.call('GET', '?status=pending', w.office.supervisor)).json.items[0].can).toEqual({ decide: true })
    expect((await approve(filed)).status).toBe(200)
  })

  it('two supervisors approving at once: one wins, the certificate is revoked once', async () => {
    grantRole(w.t, 'admin', 'supervisor')
    const filed = await file()
    const admin = await w.t.login('admin')
    const results = await Promise.all([approve(filed), approve(filed, admin)])
    expect(results.map((r) => r.status).sort()).toEqual([200, 409])
    expect(audits('certificate.revoked')).toBe(1)
    expect(audits('ca.revoked')).toBe(1)
    expect(audits('reassignment.disqualification_approved')).toBe(1)
    expect(w.t.sqlite.prepare("select count(*) n from registrations where deleted_reason = 'disqualification'").get()).toEqual({ n: 1 })
  })

  it('writes nothing when one certificate cannot be revoked: the request stays pending and every record as it was', async () => {
    const filed = await file()
    // a registry entry the CA never issued (as imported benchmark rows are): its revocation fails mid-way
    w.t.sqlite.prepare("insert into certificates (serial_hex, ca_name, kind, subject_dn, ubn, broker_code, office_code, status, not_before, not_after, created_at) values ('7f7f7f', 'customs', 'personal', 'CN=x', '52111891', 'A00001', 'AA', 'valid', '2026-01-01', '2027-01-01', '2026-01-01')").run()
    const crl = await crlText(w.t)
    const before = snapshot(w.t)
    const res = await approve(filed)
    expect(res.status).toBe(404)
    expect(snapshot(w.t)).toEqual(before)
    expect(await crlText(w.t)).toBe(crl)
    expect((await w.call('GET', '?kind=disqualification', w.office.supervisor)).json.items[0]).toMatchObject({ status: 'pending', version: 1 })
  })
})
