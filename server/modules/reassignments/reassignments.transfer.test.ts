import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { failReassignmentInserts, issueCustoms, reassignmentsWorld, snapshot, TSAI, YESTERDAY, type World } from './reassignments.fixtures'

let w: World
let tsai: { cer: string; serialHex: string }
let kaohsiungRegistration: number
beforeEach(async () => {
  w = await reassignmentsWorld()
  // 蔡明哲 (B00051) works for 82656552 in Kaohsiung, which has registered his certificate
  tsai = await issueCustoms(w.t, { ubn: '82656552', brokerCode: 'B00051' })
  kaohsiungRegistration = await w.register({ useType: 'broker', form: 'file', certificate: tsai.cer, ...TSAI }, w.as.kaohsiung)
}, 60_000)
afterEach(() => w.t.close())

// the new firm 52111891 registers the appointment at its office, Keelung
const moves = { brokerCode: 'B00051', toUbn: '52111891', startDate: YESTERDAY, officeChecked: true }
const transfer = (body: object = moves, as = w.office.clerk) => w.call('POST', '/transfers', as, body)
const appointments = () => w.t.sqlite.prepare("select firm_ubn ubn, from_date fromDate, to_date toDate, status from appointments where broker_code = 'B00051' order by id").all()
const registrations = () => w.t.sqlite.prepare('select id, ubn, status, deleted_reason reason from registrations where serial_hex = ? order by id').all(tsai.serialHex)

describe('轉任: a clerk records a broker moving to another firm', () => {
  it('ends the old appointment the day before the new one starts and records the new one; the certificate stays valid', async () => {
    const res = await transfer()
    expect(res.status, res.text).toBe(201)
    expect(res.json).toMatchObject({
      reassignment: { kind: 'transfer', status: 'done', brokerCode: 'B00051', fromUbn: '82656552', toUbn: '52111891', toFirmName: '基隆港通報關股份有限公司', effectiveDate: YESTERDAY, documents: { officeChecked: true } },
      appointmentsEnded: 1, appointmentStarted: true, registrationsDeleted: [], certificatesRevoked: [], mailedTo: [],
    })
    expect(appointments()).toEqual([
      { ubn: '82656552', fromDate: '2003-06-16', toDate: '2026-11-18', status: 'ended' },
      { ubn: '52111891', fromDate: YESTERDAY, toDate: null, status: 'active' },
    ])
    expect(w.t.sqlite.prepare('select status from certificates where serial_hex = ?').get(tsai.serialHex)).toEqual({ status: 'valid' })
    const audit = w.t.sqlite.prepare("select actor_name, summary from audit_log where action = 'reassignment.transfer'").all() as { actor_name: string; summary: string }[]
    expect(audit).toHaveLength(1)
    expect(JSON.parse(audit[0]!.summary).after).toMatchObject({ ended: [{ toDate: '2026-11-18' }], started: { ubn: '52111891', fromDate: YESTERDAY } })
  })

  it('moves the registration only when the new firm registers the certificate', async () => {
    expect((await transfer()).status).toBe(201)
    expect(registrations()).toEqual([{ id: kaohsiungRegistration, ubn: '82656552', status: 'active', reason: null }])
    const id = await w.register({ useType: 'broker', form: 'file', certificate: tsai.cer, ...TSAI }, w.as.keelung)
    expect(registrations()).toEqual([
      { id: kaohsiungRegistration, ubn: '82656552', status: 'deleted', reason: 'transfer' },
      { id, ubn: '52111891', status: 'active', reason: null },
    ])
  })

  it('writes nothing when a late step fails', async () => {
    const before = snapshot(w.t)
    failReassignmentInserts(w.t)
    expect((await transfer()).status).toBe(500)
    expect(snapshot(w.t)).toEqual(before)
  })
})
