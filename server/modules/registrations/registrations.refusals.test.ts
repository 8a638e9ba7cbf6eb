import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { buildCsr } from '../../../core/pki'
import { SYSTEM_ACTOR } from '../../lib/audit'
import { testKeyPair } from '../../lib/testing'
import { issueCertificate } from '../ca/ca.service'
import { cardAnswerFor } from '../portal-accounts/portal.fixtures'
import { count, issueCustoms, registrationsWorld, TSAI, WANG } from './registrations.fixtures'

let w: Awaited<ReturnType<typeof registrationsWorld>>
beforeAll(async () => {
  w = await registrationsWorld()
}, 60_000)
afterAll(() => w.t.close())

const register = (body: object, as = w.as.keelung) => w.t.call('POST', '/api/portal/registrations', { as, body })

// Every refusal leaves the registrations and their audit rows as they were.
let before: { rows: number; audits: number }
const written = () => ({ rows: count(w.t, 'registrations'), audits: count(w.t, 'audit_log', "entity = 'registration'") })
beforeEach(() => {
  before = written()
})
afterEach(() => {
  expect(written()).toEqual(before)
})

describe('通關憑證註冊: a certificate of the wrong kind', () => {
  it('a broker use type takes only a customs personal certificate', async () => {
    const { cer } = await issueCustoms(w.t, { ubn: '52111891' })
    const res = await register({ useType: 'broker', form: 'file', certificate: cer, ...WANG })
    expect(res.status).toBe(422)
    expect(res.json.error).toMatchObject({ code: 'WRONG_CARD', fieldErrors: { certificate: '此憑證為「通關專屬法人憑證」，報關專責人員請匯入本人的通關專屬憑證（.cer）' } })
    expect((await register({ useType: 'broker', form: 'file', certificate: w.cardCer('company-52111891'), ...WANG })).json.error.code).toBe('WRONG_CARD')
  })

  it('a broker cannot load a card (IC)', async () => {
    const res = await register({ useType: 'broker', form: 'ic', ...(await cardAnswerFor(w.t, w.cards['company-52111891'])) })
    expect(res.status).toBe(422)
    expect(res.json.error).toMatchObject({ code: 'WRONG_CARD', fieldErrors: { form: '報關專責人員僅能匯入非IC卡類憑證（通關專屬憑證）' } })
  })

  it("a company use type refuses a broker's personal certificate, pointing to the broker use type", async () => {
    const { cer } = await issueCustoms(w.t, { ubn: '52111891', brokerCode: 'A00001' })
    const res = await register({ useType: 'customs-broker', form: 'file', certificate: cer })
    expect(res.json.error.code).toBe('WRONG_CARD')
    expect(res.json.error.fieldErrors.certificate).toContain('請選擇使用類型「報關專責人員」')
  })

  it('a company refuses a citizen certificate, as a file or as a card', async () => {
    const file = await register({ useType: 'general', form: 'file', certificate: w.cardCer('citizen-1') })
    expect(file.json.error).toMatchObject({ code: 'WRONG_CARD', fieldErrors: { certificate: '此憑證為「自然人憑證」，公司請匯入通關專屬法人憑證或工商憑證' } })
    const card = await register({ useType: 'general', form: 'ic', ...(await cardAnswerFor(w.t, w.cards['citizen-1'])) })
    expect(card.json.error).toMatchObject({ code: 'WRONG_CARD', fieldErrors: { card: '此憑證為「自然人憑證」，請使用公司的工商憑證卡' } })
  })

  it('an individual account registers only as a broker', async () => {
    const res = await register({ useType: 'general', form: 'file', certificate: w.cardCer('citizen-1') }, w.as.wang)
    expect(res.status).toBe(403)
    expect(res.json.error.fieldErrors).toEqual({ useType: '個人帳號僅能註冊報關專責人員本人的憑證' })
  })

  it('a customs-looking certificate that the customs CA did not issue is refused', async () => {
    const { cer } = await issueCustoms(w.t, { ubn: '52111891', caName: 'moeaca', registry: false })
    const res = await register({ useType: 'general', form: 'file', certificate: cer })
    expect(res.status).toBe(422)
    expect(res.json.error).toMatchObject({ code: 'CERTIFICATE_INVALID', fieldErrors: { certificate: '此憑證不是由通關憑證管理中心簽發的通關專屬憑證' } })
  })
})

describe('通關憑證註冊: a certificate that cannot be used now', () => {
  it('an expired certificate is refused with its end date', async () => {
    const { cer } = await issueCustoms(w.t, { ubn: '52111891', days: 1 })
    await w.advance(2 * 86_400_000)
    const res = await register({ useType: 'general', form: 'file', certificate: cer })
    expect(res.status).toBe(422)
    expect(res.json.error.code).toBe('CERTIFICATE_INVALID')
    expect(res.json.error.fieldErrors.certificate).toMatch(/^此憑證已過期（有效期限至 \d{4}-\d{2}-\d{2}）$/)
  })

  it('a revoked certificate, and one on hold, are refused (the CRL says so)', async () => {
    const supervisor = await w.t.login('supervisor.keelung')
    const revoked = await issueCustoms(w.t, { ubn: '52111891' })
    expect((await w.t.call('POST', `/api/certificates/${revoked.serialHex}/revoke`, { as: supervisor, body: { reason: 'keyCompromise' } })).status).toBe(200)
    const held = await issueCustoms(w.t, { ubn: '52111891' })
    expect((await w.t.call('POST', `/api/certificates/${held.serialHex}/hold`, { as: supervisor, body: {} })).status).toBe(200)
    for (const cer of [revoked.cer, held.cer]) {
      const res = await register({ useType: 'general', form: 'file', certificate: cer })
      expect(res.status).toBe(422)
      expect(res.json.error).toMatchObject({ code: 'CERTIFICATE_INVALID', fieldErrors: { certificate: '此憑證已被廢止或暫禁，不能註冊' } })
    }
  })
})

describe('通關憑證註冊: a certificate that cannot sign', () => {
  it("the company card's encryption certificate (no digitalSignature) is refused", async () => {
    const issued = await issueCertificate({
      db: w.t.db, settings: w.t.ca, caName: 'moeaca', ctx: { actor: SYSTEM_ACTOR, requestId: null, ip: null, now: w.t.now() },
      request: { profile: 'company-card-encrypt', subject: { name: '基隆港通報關股份有限公司', ubn: '52111891' }, csrDer: await buildCsr({ keyPair: await testKeyPair() }), validity: { days: 365 } },
    })
    const res = await register({ useType: 'general', form: 'file', certificate: Buffer.from(issued.certificate).toString('base64') })
    expect(res.status).toBe(422)
    expect(res.json.error).toMatchObject({ code: 'CERTIFICATE_INVALID', fieldErrors: { certificate: '這是加密用憑證，請改用簽章用憑證' } })
  })
})

describe("通關憑證註冊: a certificate that is not the account's", () => {
  it("another firm's corporate certificate or company card", async () => {
    const { cer } = await issueCustoms(w.t, { ubn: '82656552' })
    const res = await register({ useType: 'general', form: 'file', certificate: cer })
    expect(res.status).toBe(422)
    expect(res.json.error).toMatchObject({ code: 'IDENTITY_MISMATCH', fieldErrors: { certificate: '憑證的統一編號（82656552）不是貴公司的統一編號（52111891）' } })
    const card = await register({ useType: 'general', form: 'ic', ...(await cardAnswerFor(w.t, w.cards['company-82656552'])) })
    expect(card.json.error).toMatchObject({ code: 'IDENTITY_MISMATCH', fieldErrors: { card: expect.stringContaining('不是貴公司的統一編號') } })
  })

  it('a broker who is not appointed to the firm', async () => {
    const { cer } = await issueCustoms(w.t, { ubn: '82656552', brokerCode: 'B00051' })
    const res = await register({ useType: 'broker', form: 'file', certificate: cer, ...TSAI })
    expect(res.json.error).toMatchObject({ code: 'IDENTITY_MISMATCH', fieldErrors: { brokerCode: '此報關專責人員目前未受委任於貴公司（52111891）' } })
  })

  it('a broker qualified but appointed nowhere, a disqualified broker, and an unknown code', async () => {
    const nowhere = await issueCustoms(w.t, { ubn: '52111891', brokerCode: 'D00002' })
    const res = await register({ useType: 'broker', form: 'file', certificate: nowhere.cer, brokerCode: 'D00002', brokerIdNumber: 'E216987168', brokerName: '劉雅婷' })
    expect(res.json.error.fieldErrors).toEqual({ brokerCode: '此報關專責人員目前未受委任於貴公司（52111891）' })
    const gone = await issueCustoms(w.t, { ubn: '61611290', brokerCode: 'C00003' })
    const disqualified = await register({ useType: 'broker', form: 'file', certificate: gone.cer, brokerCode: 'C00003', brokerIdNumber: 'B218844725', brokerName: '王怡君' })
    expect(disqualified.json.error.fieldErrors).toEqual({ brokerCode: '此報關專責人員已喪失資格' })
    const unknown = await issueCustoms(w.t, { ubn: '52111891', brokerCode: 'A09999' })
    const noRecord = await register({ useType: 'broker', form: 'file', certificate: unknown.cer, brokerCode: 'A09999', brokerIdNumber: 'A115881394', brokerName: '王建民' })
    expect(noRecord.json.error.fieldErrors).toEqual({ brokerCode: '查無此報關專責人員代碼' })
  })

  it('typed broker data that the certificate or the broker record does not bear out', async () => {
    const { cer } = await issueCustoms(w.t, { ubn: '52111891', brokerCode: 'A00001' })
    const code = await register({ useType: 'broker', form: 'file', certificate: cer, ...WANG, brokerCode: 'A00002' })
    expect(code.json.error.fieldErrors).toEqual({ brokerCode: '報關專責人員代碼與憑證不符（憑證為 A00001）' })
    const person = await register({ useType: 'broker', form: 'file', certificate: cer, ...WANG, brokerIdNumber: 'A298698799', brokerName: '王大明' })
    expect(person.json.error).toMatchObject({
      code: 'IDENTITY_MISMATCH',
      fieldErrors: { brokerIdNumber: '身分證字號與報關專責人員資料不符', brokerName: '姓名與報關專責人員資料不符' },
    })
  })

  it("a person registering another broker's certificate", async () => {
    const { cer } = await issueCustoms(w.t, { ubn: '52111891', brokerCode: 'A00001' })
    const res = await register({ useType: 'broker', form: 'file', certificate: cer, ...WANG }, w.as.tsai)
    expect(res.json.error.fieldErrors).toEqual({ brokerIdNumber: '個人帳號僅能註冊本人的憑證' })
  })
})

describe('通關憑證註冊: bad input', () => {
  it('names the unreadable file', async () => {
    for (const certificate of ['not a certificate at all!', 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA', '-----BEGIN CERTIFICATE-----\nMIIB\n']) {
      const res = await register({ useType: 'general', form: 'file', certificate })
      expect(res.status, certificate).toBe(400)
      expect(res.json.error.code).toBe('VALIDATION_FAILED')
      expect(Object.keys(res.json.error.fieldErrors)).toEqual(['certificate'])
    }
    const res = await register({ useType: 'general', form: 'file', certificate: '-----BEGIN CERTIFICATE-----\nMIIB\n' })
    expect(res.json.error.fieldErrors.certificate).toBe('憑證檔案不完整，可能在複製或下載時被截斷')
  })

  it('requires the use type, the file, and for a broker the three broker fields', async () => {
    const empty = await register({ form: 'file' })
    expect(empty.json.error.fieldErrors).toEqual({ useType: '此欄位為必填', certificate: '此欄位為必填' })
    const broker = await register({ useType: 'broker', form: 'file', certificate: 'x', brokerIdNumber: 'A123456788' })
    expect(broker.json.error.fieldErrors).toMatchObject({ brokerIdNumber: expect.any(String), brokerName: '此欄位為必填', brokerCode: '此欄位為必填' })
    expect((await register({ useType: 'pilot', form: 'file', certificate: 'x' })).json.error.fieldErrors).toEqual({ useType: '不是可選的值' })
    expect((await register({ useType: 'general', form: 'usb', certificate: 'x' })).status).toBe(400)
  })

  it('needs a signed-in portal account and its CSRF token', async () => {
    expect((await w.t.call('POST', '/api/portal/registrations', { body: { useType: 'general', form: 'file', certificate: 'x' } })).status).toBe(401)
    const res = await w.t.call('POST', '/api/portal/registrations', { as: w.as.keelung, body: { useType: 'general', form: 'file', certificate: 'x' }, headers: { 'x-csrf-token': 'wrong' } })
    expect(res.json.error.code).toBe('CSRF_FAILED')
    const staff = await w.t.login('clerk.keelung')
    expect((await w.t.call('POST', '/api/portal/registrations', { as: staff, body: { useType: 'general', form: 'file', certificate: 'x' } })).status).toBe(401)
  })
})
