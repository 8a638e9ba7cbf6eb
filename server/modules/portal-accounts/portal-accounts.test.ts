import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inspectCertificate, type Card } from '../../../core/pki'
import { SYSTEM_ACTOR } from '../../lib/audit'
import { createTestApp } from '../../lib/testing'
import { setCertificateRevocation } from '../ca/ca.service'
import { cardAnswerFor, DEMO_PEOPLE, openDemoCards, registerCompany, registerPerson, type DemoCardName } from './portal.fixtures'

let t: Awaited<ReturnType<typeof createTestApp>>
let cards: Record<DemoCardName, Card>
beforeAll(async () => {
  t = await createTestApp({}, { ca: true })
  cards = await openDemoCards(t)
}, 60_000)
afterAll(() => t.close())

const count = (sql: string) => (t.sqlite.prepare(sql).get() as { n: number }).n

describe('account registration with a card (seed 001)', () => {
  it('creates a person account whose id is the e-mail, with the card bound for sign-in, and audits it', async () => {
    const res = await registerPerson(t, cards['citizen-1'], DEMO_PEOPLE['citizen-1'], { email: 'Wang.JM@Example.TW' })
    expect(res.status).toBe(201)
    expect(res.json).toEqual({ accountId: 'wang.jm@example.tw' })
    const row = t.sqlite.prepare("select category, attribute, id_number, birth_date, password_hash is not null has from portal_accounts where account_id = 'wang.jm@example.tw'").get()
    expect(row).toEqual({ category: 'individual', attribute: 'general', id_number: 'A115881394', birth_date: '1980-05-17', has: 1 })
    expect(count("select count(*) n from portal_cards c join portal_accounts a on a.id = c.account_ref where a.account_id = 'wang.jm@example.tw' and c.kind = 'moica'")).toBe(1)
    expect(count("select count(*) n from audit_log where action = 'portal.account_registered' and actor_name = 'portal:wang.jm@example.tw'")).toBe(1)
    // registration opens no session: the user signs in again
    expect(res.headers.get('set-cookie')).toBeNull()
  })

  it('creates a company account whose id is the UBN', async () => {
    const res = await registerCompany(t, cards['company-52111891'], '52111891')
    expect(res.status).toBe(201)
    expect(res.json).toEqual({ accountId: '52111891' })
  })

  it('step 2 answers with the card identity, and sends an already registered card home', async () => {
    const fresh = await t.call('POST', '/api/portal/accounts/card-check', { body: { category: 'individual', ...(await cardAnswerFor(t, cards['citizen-2'])) } })
    expect(fresh.status).toBe(200)
    expect(fresh.json).toMatchObject({ kind: 'moica', name: '蔡明哲', idLast4: '8466' })
    const again = await t.call('POST', '/api/portal/accounts/card-check', { body: { category: 'company', ...(await cardAnswerFor(t, cards['company-52111891'])) } })
    expect(again.status).toBe(409)
    expect(again.json.error).toMatchObject({ code: 'ALREADY_REGISTERED', message: '您已註冊本系統，系統將為您導回首頁' })
  })

  it('refuses the wrong kind of card for the category', async () => {
    const res = await t.call('POST', '/api/portal/accounts/card-check', { body: { category: 'company', ...(await cardAnswerFor(t, cards['citizen-3'])) }, headers: { 'accept-language': 'en' } })
    expect(res.status).toBe(422)
    expect(res.json.error).toMatchObject({ code: 'WRONG_CARD', message: expect.stringContaining('company certificate card') })
  })

  it('refuses a card whose identity does not match the typed data, and writes nothing', async () => {
    const before = count('select count(*) n from portal_accounts')
    const cardsBefore = count('select count(*) n from portal_cards')
    const person = DEMO_PEOPLE['citizen-2']
    // a valid ID number of someone else: the last four differ from the card's
    const wrongId = await registerPerson(t, cards['citizen-2'], { name: person.name, idNumber: 'A123456789' })
    expect(wrongId.status).toBe(422)
    expect(wrongId.json.error.code).toBe('IDENTITY_MISMATCH')
    expect(wrongId.json.error.fieldErrors).toEqual({ idNumber: '身分證字號與自然人憑證不符' })
    const wrongName = await registerPerson(t, cards['citizen-2'], { name: '蔡明', idNumber: person.idNumber })
    expect(wrongName.json.error.fieldErrors).toEqual({ contactName: '姓名與自然人憑證不符' })
    const wrongUbn = await registerCompany(t, cards['company-61611290'], '82656552')
    expect(wrongUbn.json.error.fieldErrors).toEqual({ ubn: '統一編號與工商憑證不符' })
    expect(count('select count(*) n from portal_accounts')).toBe(before)
    expect(count('select count(*) n from portal_cards')).toBe(cardsBefore)
  })

  it('names each bad field: checksum, password rule and confirmation, e-mail, phone, date', async () => {
    const res = await registerPerson(t, cards['citizen-3'], { name: '林雅琪', idNumber: 'K227317785' }, { password: 'short', passwordConfirm: 'other', email: 'not-mail', phone: '123', birthDate: '1980-02-30' })
    expect(res.status).toBe(400)
    expect(Object.keys(res.json.error.fieldErrors).sort()).toEqual(['birthDate', 'email', 'idNumber', 'password', 'passwordConfirm', 'phone'])
    const mismatch = await registerPerson(t, cards['citizen-3'], DEMO_PEOPLE['citizen-3'], { passwordConfirm: 'Portal-pass-2' })
    expect(mismatch.json.error.fieldErrors).toEqual({ passwordConfirm: '兩次輸入的密碼不一致' })
  })

  it('refuses a replayed challenge answer', async () => {
    const answer = await cardAnswerFor(t, cards['citizen-3'])
    const body = { category: 'individual', ...answer }
    expect((await t.call('POST', '/api/portal/accounts/card-check', { body })).status).toBe(200)
    const replay = await t.call('POST', '/api/portal/accounts/card-check', { body })
    expect(replay.status).toBe(409)
    expect(replay.json.error.code).toBe('CHALLENGE_USED')
  })

  it('refuses a revoked card with a message that says so', async () => {
    const { serialHex } = await inspectCertificate(cards['company-82656552'].certificate)
    await setCertificateRevocation({ db: t.db, settings: t.ca, caName: 'moeaca', serialHex, reason: 'keyCompromise', ctx: { actor: SYSTEM_ACTOR, requestId: null, ip: null, now: t.now() } })
    const res = await registerCompany(t, cards['company-82656552'], '82656552')
    expect(res.status).toBe(422)
    expect(res.json.error.message).toMatch(/廢止/)
    expect(count("select count(*) n from portal_accounts where account_id = '82656552'")).toBe(0)
  })

  it('the check-exists button answers by account id or ID number', async () => {
    const exists = (q: string) => t.call('GET', `/api/portal/accounts/exists?${q}`)
    expect((await exists('accountId=52111891')).json).toEqual({ exists: true })
    expect((await exists('accountId=WANG.JM@example.tw')).json).toEqual({ exists: true })
    expect((await exists('idNumber=A115881394')).json).toEqual({ exists: true })
    expect((await exists('accountId=61611290')).json).toEqual({ exists: false })
    expect((await exists('')).status).toBe(400)
  })

  it('refuses a second account for the same UBN', async () => {
    // another company card for the same UBN would be a new card; the account id is what must stay unique
    const res = await registerCompany(t, cards['company-61611290'], '61611290')
    expect(res.status).toBe(201)
    const dup = await t.call('POST', '/api/portal/accounts/card-check', { body: { category: 'company', ...(await cardAnswerFor(t, cards['company-61611290'])) } })
    expect(dup.json.error.code).toBe('ALREADY_REGISTERED')
  })
})
