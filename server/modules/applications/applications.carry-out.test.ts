import { execFileSync } from 'node:child_process'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildCsr, generateSigningKeyPair } from '../../../core/pki'
import { SYSTEM_ACTOR } from '../../lib/audit'
import { createTestApp, type Session } from '../../lib/testing'
import { issueCertificate } from '../ca/ca.service'
import { paperForm } from './applications.fixtures'

let t: Awaited<ReturnType<typeof createTestApp>>
let clerk: Session
let supervisor: Session
let serialHex: string
beforeEach(async () => {
  t = await createTestApp({}, { ca: true })
  clerk = await t.login('clerk.keelung')
  supervisor = await t.login('supervisor.keelung')
  const issued = await issueCertificate({
    db: t.db, settings: t.ca, caName: 'customs', ctx: { actor: SYSTEM_ACTOR, requestId: null, ip: null, now: t.now() },
    request: { profile: 'customs-personal', subject: { brokerCode: 'A00001', ubn: '52111891', sequence: 1, ra: { ubn: '97162640' } }, csrDer: await buildCsr({ keyPair: await generateSigningKeyPair() }), validity: { days: 730 } },
  })
  serialHex = issued.serialHex
  t.sqlite.prepare(`insert into certificates (serial_hex, ca_name, kind, subject_dn, ubn, broker_code, office_code, status, not_before, not_after, created_at)
    values (?, 'customs', 'personal', ?, '52111891', 'A00001', 'AA', 'valid', ?, ?, ?)`).run(serialHex, issued.subject, issued.notBefore.toISOString(), issued.notAfter.toISOString(), t.now().toISOString())
})
afterEach(() => t.close())

async function decide(service: string) {
  const draft = (await t.call('POST', '/api/applications', { as: clerk, body: { ...paperForm, service, targetSerial: serialHex } })).json
  const app = (await t.call('POST', `/api/applications/${draft.id}/submit`, { as: clerk, body: { version: draft.version } })).json
  expect(app.checks.find((c: { id: string }) => c.id === 'targetCertificate')?.result, JSON.stringify(app.checks)).toBe('pass')
  return t.call('POST', `/api/applications/${app.id}/decide`, { as: supervisor, body: { decision: 'approve', version: app.version } })
}
const crlText = async () => execFileSync('openssl', ['crl', '-inform', 'DER', '-noout', '-text'], { input: Buffer.from(await (await t.app.request('/crl/customs.crl')).arrayBuffer()) }).toString()
const serialOnCrl = () => serialHex.replace(/^0+/, '').toUpperCase()

describe('approving a service without a fee carries it out at once', () => {
  it('suspend puts the certificate on hold on the CRL; unsuspend takes it off; both end at A0 with the A0 mail', async () => {
    const suspended = await decide('suspend')
    expect(suspended.json).toMatchObject({ status: 'A0', feeSlip: null })
    expect(await crlText()).toContain(serialOnCrl())
    expect(t.sqlite.prepare('select status from certificates where serial_hex = ?').get(serialHex)).toEqual({ status: 'suspended' })
    const released = await decide('unsuspend')
    expect(released.json.status).toBe('A0')
    expect(await crlText()).not.toContain(serialOnCrl())
    expect(t.sqlite.prepare('select status from certificates where serial_hex = ?').get(serialHex)).toEqual({ status: 'valid' })
    const subjects = t.sqlite.prepare("select subject from mail_outbox where template = 'application-completed'").all() as { subject: string }[]
    expect(subjects).toHaveLength(2)
    expect(subjects[0]!.subject).toMatch(/^\[關港貿單一窗口\]通關專屬憑證申請完成,可至平台下載憑證，申請序號:AA115/)
  })

  it('revoke lists the certificate on the CRL for good', async () => {
    expect((await decide('revoke')).json.status).toBe('A0')
    expect(await crlText()).toContain(serialOnCrl())
    expect(t.sqlite.prepare('select status from certificates where serial_hex = ?').get(serialHex)).toEqual({ status: 'revoked' })
    const again = (await t.call('POST', '/api/applications', { as: clerk, body: { ...paperForm, service: 'unsuspend', targetSerial: serialHex } })).json
    const submitted = (await t.call('POST', `/api/applications/${again.id}/submit`, { as: clerk, body: { version: again.version } })).json
    expect(submitted.checks.find((c: { id: string }) => c.id === 'targetCertificate').result).toBe('fail')
  })
})
