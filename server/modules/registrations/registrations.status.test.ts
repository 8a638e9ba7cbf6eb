import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Session } from '../../lib/testing'
import { paperForm } from '../applications/applications.fixtures'
import { issueCustoms, registrationsWorld, WANG } from './registrations.fixtures'

/**
 * Issue 5 §5: when the CA revokes, holds or releases a certificate, its portal registrations are marked in the
 * same transaction, whether a supervisor acts on the certificate or approves an application for it.
 */
let w: Awaited<ReturnType<typeof registrationsWorld>>
let serialHex: string
let other: string
let supervisor: Session
beforeEach(async () => {
  w = await registrationsWorld()
  supervisor = await w.t.login('supervisor.keelung')
  const post = async (body: object, as: Session) => expect((await w.t.call('POST', '/api/portal/registrations', { as, body })).status).toBe(201)
  const issued = await issueCustoms(w.t, { ubn: '52111891', brokerCode: 'A00001' })
  serialHex = issued.serialHex
  // The broker registers his certificate; an unrelated one of his firm shows that no other row is touched.
  await post({ useType: 'broker', form: 'file', certificate: issued.cer, ...WANG }, w.as.wang)
  const unrelated = await issueCustoms(w.t, { ubn: '52111891' })
  other = unrelated.serialHex
  await post({ useType: 'general', form: 'file', certificate: unrelated.cer }, w.as.keelung)
}, 60_000)
afterEach(() => w.t.close())

const marks = () => w.t.sqlite.prepare('select serial_hex serial, certificate_status status from registrations order by id').all() as { serial: string; status: string }[]
const expectMarked = (status: string) => expect(marks()).toEqual([{ serial: serialHex, status }, { serial: other, status: 'valid' }])
const act = (action: string, body: object = {}) => w.t.call('POST', `/api/certificates/${serialHex}/${action}`, { as: supervisor, body })

describe('a supervisor action marks the registrations', () => {
  it('hold → suspended, release → valid, revoke → revoked; the query table shows it', async () => {
    expect((await act('hold')).status).toBe(200)
    expectMarked('suspended')
    expect((await act('release')).status).toBe(200)
    expectMarked('valid')
    expect((await act('revoke', { reason: 'keyCompromise' })).status).toBe(200)
    expectMarked('revoked')
    const rows = (await w.t.call('GET', '/api/portal/registrations?q=A00001', { as: w.as.wang })).json.items
    expect(rows.filter((r: { purpose: string }) => r.purpose === 'sign').map((r: { certificateStatus: string }) => r.certificateStatus)).toEqual(['revoked'])
  })

  it('a refused action leaves the marks as they were', async () => {
    expect((await act('release')).status).toBe(409)
    expectMarked('valid')
  })
})

describe('an approved application marks the registrations', () => {
  async function decide(service: string) {
    const clerk = await w.t.login('clerk.keelung')
    const draft = (await w.t.call('POST', '/api/applications', { as: clerk, body: { ...paperForm, service, targetSerial: serialHex } })).json
    const app = (await w.t.call('POST', `/api/applications/${draft.id}/submit`, { as: clerk, body: { version: draft.version } })).json
    const res = await w.t.call('POST', `/api/applications/${app.id}/decide`, { as: supervisor, body: { decision: 'approve', version: app.version } })
    expect(res.json.status, JSON.stringify(res.json)).toBe('A0')
  }

  it('suspend → suspended, unsuspend → valid, revoke → revoked', async () => {
    await decide('suspend')
    expectMarked('suspended')
    await decide('unsuspend')
    expectMarked('valid')
    await decide('revoke')
    expectMarked('revoked')
  })
})
