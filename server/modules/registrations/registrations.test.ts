import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cardAnswerFor } from '../portal-accounts/portal.fixtures'
import { count, issueCustoms, pem, registrationsWorld, TSAI, WANG } from './registrations.fixtures'

let w: Awaited<ReturnType<typeof registrationsWorld>>
beforeAll(async () => {
  w = await registrationsWorld()
}, 60_000)
afterAll(() => w.t.close())

const register = (body: object, as = w.as.keelung, lang = 'zh-TW') => w.t.call('POST', '/api/portal/registrations', { as, body, headers: { 'accept-language': lang } })
const row = (id: number) => w.t.sqlite.prepare('select * from registrations where id = ?').get(id) as Record<string, unknown>
const auditOf = (id: number) => w.t.sqlite.prepare("select action, actor_name, summary from audit_log where entity = 'registration' and entity_id = ?").all(String(id)) as { action: string; actor_name: string; summary: string }[]

describe('通關憑證註冊: what is accepted', () => {
  it('a company imports its customs corporate .cer and is told 主憑證匯入成功, with the audit row', async () => {
    const { cer, serialHex } = await issueCustoms(w.t, { ubn: '52111891' })
    const res = await register({ useType: 'customs-broker', form: 'file', certificate: cer })
    expect(res.status).toBe(201)
    expect(res.json.message).toEqual({ 'zh-TW': '主憑證匯入成功', en: 'Primary certificate imported' })
    expect(row(res.json.id)).toMatchObject({ use_type: 'customs-broker', form: 'file', certificate_kind: 'customs-corporate', serial_hex: serialHex, ubn: '52111891', status: 'active', certificate_status: 'valid', broker_code: null })
    const audit = auditOf(res.json.id)
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ action: 'registration.created', actor_name: 'portal:52111891' })
    expect(JSON.parse(audit[0]!.summary).after).toMatchObject({ kind: 'customs-corporate', serialHex, ubn: '52111891' })
  })

  it('accepts the same .cer as PEM text', async () => {
    const { cer } = await issueCustoms(w.t, { ubn: '52111891' })
    expect((await register({ useType: 'shipping', form: 'file', certificate: pem(cer) })).status).toBe(201)
  })

  it('a company imports its 工商憑證 as a .cer', async () => {
    const res = await register({ useType: 'general', form: 'file', certificate: w.cardCer('company-82656552') }, w.as.kaohsiung)
    expect(res.status).toBe(201)
    expect(row(res.json.id)).toMatchObject({ certificate_kind: 'moeaca', form: 'file', ubn: '82656552' })
  })

  it('a company loads its 工商憑證 card (IC): the card signs a fresh challenge', async () => {
    const answer = await cardAnswerFor(w.t, w.cards['company-52111891'])
    const res = await register({ useType: 'warehouse', form: 'ic', ...answer })
    expect(res.status).toBe(201)
    expect(row(res.json.id)).toMatchObject({ certificate_kind: 'moeaca', form: 'ic', ubn: '52111891', use_type: 'warehouse' })
    // The answer was used: sent again it proves nothing.
    const replay = await register({ useType: 'airline', form: 'ic', ...answer })
    expect(replay.status).toBe(409)
    expect(replay.json.error.code).toBe('CHALLENGE_USED')
  })

  it("a customs broker firm registers its appointed broker's personal certificate, with the typed broker data", async () => {
    const { cer } = await issueCustoms(w.t, { ubn: '82656552', brokerCode: 'B00051' })
    const res = await register({ useType: 'broker', form: 'file', certificate: cer, ...TSAI, brokerCode: 'b00051' }, w.as.kaohsiung)
    expect(res.status).toBe(201)
    expect(row(res.json.id)).toMatchObject({ certificate_kind: 'customs-personal', ubn: '82656552', broker_code: 'B00051', broker_id_number: 'C189768466', broker_name: '蔡明哲' })
  })

  it('a broker with a personal account registers his own certificate for the firm he is appointed to', async () => {
    const { cer } = await issueCustoms(w.t, { ubn: '52111891', brokerCode: 'A00001' })
    const res = await register({ useType: 'broker', form: 'file', certificate: cer, ...WANG }, w.as.wang, 'en')
    expect(res.status).toBe(201)
    expect(row(res.json.id)).toMatchObject({ ubn: '52111891', broker_code: 'A00001', account_ref: expect.any(Number) })
    expect(auditOf(res.json.id)[0]!.actor_name).toBe('portal:a115881394@example.tw')
  })

  it('a certificate already registered for the firm is refused with 409, and nothing more is written', async () => {
    const { cer } = await issueCustoms(w.t, { ubn: '52111891', brokerCode: 'A00001' })
    expect((await register({ useType: 'broker', form: 'file', certificate: cer, ...WANG })).status).toBe(201)
    const rows = count(w.t, 'registrations')
    const audits = count(w.t, 'audit_log', "action = 'registration.created'")
    const again = await register({ useType: 'broker', form: 'file', certificate: cer, ...WANG })
    expect(again.status).toBe(409)
    expect(again.json.error).toMatchObject({ code: 'CONFLICT', message: '此憑證已註冊於統一編號 52111891，不需重複匯入', fieldErrors: { certificate: '此憑證已註冊' } })
    // The broker himself registering it for the same firm is the same duplicate.
    expect((await register({ useType: 'broker', form: 'file', certificate: cer, ...WANG }, w.as.wang)).status).toBe(409)
    expect(count(w.t, 'registrations')).toBe(rows)
    expect(count(w.t, 'audit_log', "action = 'registration.created'")).toBe(audits)
  })
})
