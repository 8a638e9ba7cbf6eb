import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Session } from '../../lib/testing'
import { appWithCertificates, crlText, onCrl, type TestApp } from './certificates.fixtures'

let t: TestApp
let keelung: string
let kaohsiung: string
let supervisor: Session
beforeEach(async () => {
  ;({ t, keelung, kaohsiung } = await appWithCertificates())
  supervisor = await t.login('supervisor.keelung')
})
afterEach(() => t.close())

const post = (serial: string, action: string, body: object = {}, as = supervisor) => t.call('POST', `/api/certificates/${serial}/${action}`, { as, body })
const status = (serial: string) => (t.sqlite.prepare('select status, revocation_reason reason from certificates where serial_hex = ?').get(serial) as { status: string; reason: string | null })
const audit = (entity: string, id: string) => t.sqlite.prepare('select action, actor_name, summary from audit_log where entity = ? and entity_id = ? order by id').all(entity, id) as { action: string; actor_name: string; summary: string }[]

describe('a supervisor holds, releases and revokes', () => {
  it('a hold lists the certificate on the CRL when the call returns; a release takes it off', async () => {
    expect(await crlText(t)).not.toContain(onCrl(keelung))
    const held = await post(keelung, 'hold', { note: '業者來電遺失' })
    expect(held.status).toBe(200)
    expect(held.json).toMatchObject({ status: 'suspended', revocationReason: 'certificateHold', can: { hold: false, release: true, revoke: true } })
    expect(status(keelung)).toEqual({ status: 'suspended', reason: 'certificateHold' })
    const text = await crlText(t)
    expect(text).toContain(onCrl(keelung))
    expect(text).toContain('Certificate Hold')
    expect(held.json.timeline.at(-1)).toMatchObject({ type: 'held', actorName: 'supervisor.keelung', note: '業者來電遺失', reason: 'certificateHold' })

    t.advance(60_000)
    const released = await post(keelung, 'release')
    expect(released.json).toMatchObject({ status: 'valid', revokedAt: null, revocationReason: null })
    expect(await crlText(t)).not.toContain(onCrl(keelung))
    expect(released.json.timeline.map((e: { type: string }) => e.type)).toEqual(['issued', 'registered', 'held', 'released'])
  })

  it('a revocation lists it with its reason for good, with an audit row in the registry and in the CA', async () => {
    t.advance(60_000)
    const res = await post(keelung, 'revoke', { reason: 'keyCompromise', note: '私鑰外洩' })
    expect(res.json).toMatchObject({ status: 'revoked', revocationReason: 'keyCompromise', revokedAt: t.now().toISOString(), can: { revoke: false, hold: false, release: false } })
    const text = await crlText(t)
    expect(text).toContain(onCrl(keelung))
    expect(text).toContain('Key Compromise')
    const registry = audit('certificate', keelung).at(-1)!
    expect(registry).toMatchObject({ action: 'certificate.revoked', actor_name: 'supervisor.keelung' })
    expect(JSON.parse(registry.summary)).toEqual({ before: { status: 'valid', revocationReason: null }, after: { status: 'revoked', revocationReason: 'keyCompromise', note: '私鑰外洩' } })
    expect(audit('ca_certificate', `customs:${keelung}`).map((r) => r.action)).toEqual(['ca.issued', 'ca.revoked'])
    expect(res.json.timeline.filter((e: { type: string }) => e.type === 'revoked')).toEqual([expect.objectContaining({ reason: 'keyCompromise', note: '私鑰外洩' })])
  })

  it('a held certificate may be revoked, and stays on the CRL with the new reason', async () => {
    await post(keelung, 'hold')
    expect((await post(keelung, 'revoke', { reason: 'cessationOfOperation' })).json.status).toBe('revoked')
    const text = await crlText(t)
    expect(text).toContain(onCrl(keelung))
    expect(text).toContain('Cessation Of Operation')
  })
})

describe('refusals', () => {
  it('says 409 in the caller\'s language for an action the state does not allow, and changes nothing', async () => {
    const notHeld = await post(keelung, 'release')
    expect(notHeld.status).toBe(409)
    expect(notHeld.json.error.message).toBe('此憑證未暫禁，無法解禁')
    await post(keelung, 'revoke', { reason: 'superseded' })
    const again = await t.call('POST', `/api/certificates/${keelung}/revoke`, { as: supervisor, body: { reason: 'superseded' }, headers: { 'accept-language': 'en' } })
    expect(again.status).toBe(409)
    expect(again.json.error.message).toBe('This certificate is already revoked')
    expect((await post(keelung, 'hold')).json.error.message).toBe('已廢止的憑證無法暫禁')
    expect(audit('certificate', keelung).map((r) => r.action)).toEqual(['certificate.registered', 'certificate.revoked'])
  })

  it('is for supervisors only, of the certificate\'s own office', async () => {
    const clerk = await t.login('clerk.keelung')
    expect((await post(keelung, 'revoke', { reason: 'keyCompromise' }, clerk)).status).toBe(403)
    expect((await post(keelung, 'hold', {}, await t.login('auditor'))).status).toBe(403)
    expect((await post(kaohsiung, 'hold')).status).toBe(404)
    expect((await post(keelung, 'hold', {}, await t.login('supervisor.taipei'))).status).toBe(404)
    expect(status(keelung).status).toBe('valid')
    expect(status(kaohsiung).status).toBe('valid')
  })

  it('checks the reason and the body', async () => {
    expect((await post(keelung, 'revoke', { reason: 'certificateHold' })).json.error.fieldErrors.reason).toBeTruthy()
    expect((await post(keelung, 'revoke', {})).json.error.fieldErrors.reason).toBeTruthy()
    expect((await post(keelung, 'hold', { extra: 1 })).status).toBe(400)
  })
})
