import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Session } from '../../lib/testing'
import { issueCustoms, registrationsWorld, TSAI } from './registrations.fixtures'

/**
 * 轉任 (seed 003): a transferred broker's certificate stays valid and moves when the new firm registers it; the
 * registration of the firm the broker left is deleted then, in the same transaction.
 */
let w: Awaited<ReturnType<typeof registrationsWorld>>
let cer: string
let serialHex: string
let oldId: number
beforeEach(async () => {
  w = await registrationsWorld()
  ;({ cer, serialHex } = await issueCustoms(w.t, { ubn: '82656552', brokerCode: 'B00051' }))
  oldId = (await register(w.as.kaohsiung)).json.id
}, 60_000)
afterEach(() => w.t.close())

const register = (as: Session) => w.t.call('POST', '/api/portal/registrations', { as, body: { useType: 'broker', form: 'file', certificate: cer, ...TSAI } })
const sql = (text: string, ...args: unknown[]) => w.t.sqlite.prepare(text).run(...args)
const rows = () => w.t.sqlite.prepare('select id, ubn, status, deleted_by by, deleted_reason reason from registrations where serial_hex = ? order by id').all(serialHex)
const appoint = (ubn: string) => sql("insert into appointments (broker_code, firm_ubn, from_date, status) values ('B00051', ?, '2026-11-01', 'active')", ubn)
/** The office's records after a transfer of B00051 from 82656552 to 52111891. */
const transfer = () => {
  sql("update appointments set status = 'ended', to_date = '2026-10-31' where broker_code = 'B00051' and status = 'active'")
  appoint('52111891')
}

describe('a broker who moved to another firm', () => {
  it('is registered by the new firm, and the old firm’s registration of the same certificate goes, with its audit row', async () => {
    transfer()
    const res = await register(w.as.keelung)
    expect(res.status).toBe(201)
    expect(rows()).toEqual([
      { id: oldId, ubn: '82656552', status: 'deleted', by: 'portal:52111891', reason: 'transfer' },
      { id: res.json.id, ubn: '52111891', status: 'active', by: null, reason: null },
    ])
    const audit = w.t.sqlite.prepare("select action, summary from audit_log where entity = 'registration' and entity_id = ?").all(String(oldId)) as { action: string; summary: string }[]
    expect(audit.map((a) => a.action)).toEqual(['registration.created', 'registration.deleted'])
    expect(JSON.parse(audit[1]!.summary).after).toEqual({ status: 'deleted', reason: 'transfer' })
    // the certificate itself is untouched
    expect(w.t.sqlite.prepare('select status from certificates where serial_hex = ?').get(serialHex)).toEqual({ status: 'valid' })
  })

  it('keeps the old registration until the new firm registers, and the old firm may no longer register it', async () => {
    transfer()
    expect(rows()).toEqual([expect.objectContaining({ ubn: '82656552', status: 'active' })])
    await w.advance(60_000)
    expect((await register(w.as.keelung)).status).toBe(201)
    // registering again at the old firm: the broker no longer works there
    sql("update registrations set status = 'deleted' where ubn = '52111891'")
    expect((await register(w.as.kaohsiung)).status).toBe(422)
  })

  it('leaves the registration of a firm the broker still works for', async () => {
    appoint('52111891')
    expect((await register(w.as.keelung)).status).toBe(201)
    expect(rows().map((r) => (r as { status: string }).status)).toEqual(['active', 'active'])
  })

  it('deletes nothing when the new registration is refused', async () => {
    transfer()
    sql("update brokers set qualification_status = 'disqualified' where code = 'B00051'")
    expect((await register(w.as.keelung)).status).toBe(422)
    expect(rows()).toEqual([expect.objectContaining({ status: 'active' })])
  })
})
