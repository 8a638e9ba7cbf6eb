import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RegistrationRow } from '../../../core/contracts/registrations'
import { count, issueCustoms, registrationsWorld, TSAI, WANG } from './registrations.fixtures'

let w: Awaited<ReturnType<typeof registrationsWorld>>
/** Registration ids: Keelung's corporate and its broker 王建民's (by the firm), 王建民's own, Kaohsiung's broker 蔡明哲's. */
const ids = { keelungCorporate: 0, keelungWang: 0, wangOwn: 0, kaohsiungTsai: 0 }
let keelungSerial = ''
beforeAll(async () => {
  w = await registrationsWorld()
  const post = async (body: object, as = w.as.keelung) => {
    const res = await w.t.call('POST', '/api/portal/registrations', { as, body })
    expect(res.status, JSON.stringify(res.json)).toBe(201)
    return res.json.id as number
  }
  const corporate = await issueCustoms(w.t, { ubn: '52111891' })
  keelungSerial = corporate.serialHex
  ids.keelungCorporate = await post({ useType: 'customs-broker', form: 'file', certificate: corporate.cer })
  ids.keelungWang = await post({ useType: 'broker', form: 'file', certificate: (await issueCustoms(w.t, { ubn: '52111891', brokerCode: 'A00001' })).cer, ...WANG })
  ids.wangOwn = await post({ useType: 'broker', form: 'file', certificate: (await issueCustoms(w.t, { ubn: '52111891', brokerCode: 'A00001' })).cer, ...WANG }, w.as.wang)
  ids.kaohsiungTsai = await post({ useType: 'broker', form: 'file', certificate: (await issueCustoms(w.t, { ubn: '82656552', brokerCode: 'B00051' })).cer, ...TSAI }, w.as.kaohsiung)
}, 60_000)
afterAll(() => w.t.close())

const query = async (as = w.as.keelung, params = '') => {
  const res = await w.t.call('GET', `/api/portal/registrations${params}`, { as })
  expect(res.status, JSON.stringify(res.json)).toBe(200)
  return res.json as { items: RegistrationRow[]; total: number; page: number; pageSize: number }
}
const signIds = (rows: RegistrationRow[]) => rows.filter((r) => r.purpose === 'sign').map((r) => r.registrationId).sort((a, b) => a! - b!)

describe('通關憑證查詢: the table', () => {
  it("a company sees its sign-in card (登入) and every signing registration of its UBN (簽章), its own deletable", async () => {
    const page = await query()
    expect(page.total).toBe(4)
    const [login, ...signing] = page.items
    expect(login).toMatchObject({ purpose: 'login', form: 'ic', kind: 'moeaca', accountId: '52111891', registrationId: null, deletable: false, serialHex: w.cards['company-52111891'].info.serialHex })
    expect(signIds(signing)).toEqual([ids.keelungCorporate, ids.keelungWang, ids.wangOwn])
    const corporate = signing.find((r) => r.registrationId === ids.keelungCorporate)!
    expect(corporate).toMatchObject({ form: 'file', kind: 'customs-corporate', useType: 'customs-broker', ubn: '52111891', serialHex: keelungSerial, certificateStatus: 'valid', deletable: true })
    expect(corporate.subjectDn).toContain('52111891')
    expect(Date.parse(corporate.notAfter)).toBeGreaterThan(Date.parse(corporate.notBefore))
    // 王建民 registered his own certificate for the firm: the firm sees it but cannot delete it.
    expect(signing.find((r) => r.registrationId === ids.wangOwn)).toMatchObject({ accountId: 'a115881394@example.tw', brokerCode: 'A00001', deletable: false })
  })

  it("a person sees their own card and the rows of their broker code, whoever registered them", async () => {
    const page = await query(w.as.wang)
    expect(page.items[0]).toMatchObject({ purpose: 'login', kind: 'moica', accountId: 'a115881394@example.tw' })
    expect(signIds(page.items)).toEqual([ids.keelungWang, ids.wangOwn])
    expect(page.items.filter((r) => r.deletable).map((r) => r.registrationId)).toEqual([ids.wangOwn])
  })

  it('searches by UBN, broker code, national ID or account id, never beyond the rights', async () => {
    expect(signIds((await query(w.as.keelung, '?q=A00001')).items)).toEqual([ids.keelungWang, ids.wangOwn])
    expect(signIds((await query(w.as.keelung, '?q=a00001')).items)).toEqual([ids.keelungWang, ids.wangOwn])
    expect(signIds((await query(w.as.keelung, '?q=A115881394')).items)).toEqual([ids.keelungWang, ids.wangOwn])
    expect((await query(w.as.keelung, '?q=a115881394@example.tw')).items.map((r) => r.registrationId)).toEqual([ids.wangOwn])
    const byUbn = await query(w.as.keelung, '?q=52111891')
    expect(byUbn.total).toBe(4)
    // Another firm's UBN, broker code or account: nothing, not even that they exist.
    expect((await query(w.as.keelung, '?q=82656552')).total).toBe(0)
    expect((await query(w.as.keelung, '?q=B00051')).total).toBe(0)
    expect((await query(w.as.wang, '?q=82656552')).total).toBe(0)
    // A broker code finds the person's sign-in card too.
    expect((await query(w.as.wang, '?q=A00001')).items.map((r) => r.purpose)).toEqual(['login', 'sign', 'sign'])
    expect((await query(w.as.kaohsiung, '?q=B00051')).items.map((r) => r.registrationId)).toEqual([ids.kaohsiungTsai])
  })

  it('pages the rows', async () => {
    const first = await query(w.as.keelung, '?pageSize=3')
    const second = await query(w.as.keelung, '?pageSize=3&page=2')
    expect([first.items.length, second.items.length, first.total, second.page]).toEqual([3, 1, 4, 2])
    expect(new Set([...first.items, ...second.items].map((r) => r.key)).size).toBe(4)
    expect((await w.t.call('GET', '/api/portal/registrations?pageSize=500', { as: w.as.keelung })).json.error.fieldErrors).toEqual({ pageSize: '不可大於 200' })
  })
})

describe('通關憑證查詢: deleting', () => {
  it("another account's registration does not exist for the user: 404, nothing changed", async () => {
    for (const [as, id] of [[w.as.keelung, ids.wangOwn], [w.as.kaohsiung, ids.keelungCorporate], [w.as.wang, ids.keelungWang]] as const) {
      const res = await w.t.call('DELETE', `/api/portal/registrations/${id}`, { as })
      expect(res.status).toBe(404)
      expect(res.json.error.message).toBe('查無此憑證註冊資料')
    }
    expect((await w.t.call('DELETE', '/api/portal/registrations/99999', { as: w.as.keelung })).status).toBe(404)
    expect((await w.t.call('DELETE', '/api/portal/registrations/abc', { as: w.as.keelung })).status).toBe(400)
    expect(count(w.t, 'registrations', "status = 'deleted'")).toBe(0)
  })

  it('the owner deletes it: status deleted with who and when, audited, gone from the table; twice is a 409', async () => {
    // The web sends an empty JSON body (see web/src/features/registrations/queries.ts).
    const res = await w.t.call('DELETE', `/api/portal/registrations/${ids.keelungCorporate}`, { as: w.as.keelung, body: {} })
    expect(res.status).toBe(204)
    const row = w.t.sqlite.prepare('select status, deleted_at, deleted_by from registrations where id = ?').get(ids.keelungCorporate)
    expect(row).toEqual({ status: 'deleted', deleted_at: w.t.now().toISOString(), deleted_by: 'portal:52111891' })
    const audit = w.t.sqlite.prepare("select action, actor_name from audit_log where entity = 'registration' and entity_id = ? order by id").all(String(ids.keelungCorporate))
    expect(audit).toEqual([{ action: 'registration.created', actor_name: 'portal:52111891' }, { action: 'registration.deleted', actor_name: 'portal:52111891' }])
    expect(signIds((await query()).items)).toEqual([ids.keelungWang, ids.wangOwn])
    const again = await w.t.call('DELETE', `/api/portal/registrations/${ids.keelungCorporate}`, { as: w.as.keelung })
    expect(again.status).toBe(409)
    expect(count(w.t, 'audit_log', "action = 'registration.deleted'")).toBe(1)
  })

  it('a deleted certificate may be registered again', async () => {
    const cer = w.t.sqlite.prepare('select der from registrations where id = ?').get(ids.keelungCorporate) as { der: Buffer }
    const res = await w.t.call('POST', '/api/portal/registrations', { as: w.as.keelung, body: { useType: 'customs-broker', form: 'file', certificate: cer.der.toString('base64') } })
    expect(res.status).toBe(201)
  })
})
