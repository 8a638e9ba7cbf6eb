import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { paperForm } from './applications.fixtures'
import { onlineForm, paidApplication, portalWorld, signedBody, type PortalWorld } from './applications.portal.fixtures'

let w: PortalWorld
/** 52111891's paper application, approved and paid (20): read, never changed, by the tests below */
let paid: Awaited<ReturnType<typeof paidApplication>>
beforeAll(async () => {
  w = await portalWorld()
  paid = await paidApplication(w)
}, 60_000)
afterAll(() => w.t.close())

const get = (path: string, as = w.company, lang = 'en') => w.t.call('GET', `/api/portal/applications${path}`, { as, headers: { 'accept-language': lang } })
const submit = async (doc: Record<string, unknown>, card = w.cards['company-52111891'], as = w.company) =>
  w.t.call('POST', '/api/portal/applications', { as, body: await signedBody(doc, card), headers: { 'accept-language': 'en' } })
const count = (sql: string, ...args: unknown[]) => (w.t.sqlite.prepare(sql).get(...args) as { n: number }).n

describe('a company\'s own applications', () => {
  it('the company sees its paid application with its fee slip and a timeline without staff names; another company gets a 403', async () => {
    const app = paid
    const res = await get(`/${app.id}`)
    expect(res.status).toBe(200)
    expect(res.json).toMatchObject({ applicationNo: app.applicationNo, status: '20', ubn: '52111891', feeSlip: { slipNo: app.feeSlip.slipNo, amount: 2000, status: 'paid' }, can: { changeContact: true, generateKey: true } })
    expect(res.json.timeline.map((e: { action: string }) => e.action)).toEqual(['submitted', 'approved', 'paid'])
    expect(JSON.stringify(res.json)).not.toMatch(/林志豪|陳怡安|keyedBy|checks/)
    // issue 5: a company asking for another company's status-20 application gets a 403
    const other = await get(`/${app.id}`, w.other)
    expect(other.status).toBe(403)
    expect(other.json.error.message).toBe('This application belongs to another company')
    expect((await get(`/${app.id}/fee-slip`, w.other)).status).toBe(403)
    expect((await get('/999999')).status).toBe(404)
  })

  it('lists only its own applications, newest first, filtered by status, service and date, with keyset paging', async () => {
    await paidApplication(w, { ...paperForm, brokerCode: 'A00002', brokerNationalId: 'A298698799' })
    const fresh = (await submit(onlineForm(w.t, { contactName: '清單測試' }))).json
    // received two days later (Taipei 2026-11-22): moving the clock instead would end the sessions
    w.t.sqlite.prepare("update applications set submitted_at = '2026-11-22T02:00:00.000Z' where id = ?").run(fresh.id)
    const taipei = await w.t.login('clerk.taipei')
    await w.t.call('POST', '/api/applications', { as: taipei, body: { ...paperForm, ubn: '61611290', officeCode: 'CA', brokerCode: 'C00001', brokerNationalId: 'F217075364' } })

    const all = (await get('')).json.items as { applicationNo: string; status: string; feeSlipNo: string | null }[]
    expect(all.length).toBe(count("select count(*) n from applications where ubn = '52111891' and status <> 'draft'"))
    expect(all[0]).toMatchObject({ applicationNo: fresh.applicationNo, status: '00', feeSlipNo: null })
    expect((await get('', w.other)).json.items).toEqual([])
    expect((await get('?status=20')).json.items.every((i: { status: string }) => i.status === '20')).toBe(true)
    expect((await get('?service=renew')).json.items).toEqual([])
    expect((await get('?from=2026-11-22')).json.items.map((i: { applicationNo: string }) => i.applicationNo)).toEqual([fresh.applicationNo])
    expect((await get('?to=2026-11-21')).json.items.map((i: { applicationNo: string }) => i.applicationNo)).not.toContain(fresh.applicationNo)

    const first = (await get('?limit=1')).json
    const second = (await get(`?limit=1&cursor=${first.nextCursor}`)).json
    expect(second.items[0].applicationNo).toBe(all[1]!.applicationNo)
    // the first page counts the list; the pages after it do not count again
    expect(first.total).toEqual({ count: all.length, capped: false })
    expect(second).not.toHaveProperty('total')
  })

  it('refuses bad list parameters by name, and anyone but a signed-in company', async () => {
    const bad = await get('?status=draft&from=2026-13-01&ubn=82656552')
    expect(bad.status).toBe(400)
    expect(Object.keys(bad.json.error.fieldErrors).sort()).toEqual(['from', 'status', 'ubn'])
    expect((await get('?from=2026-11-22&to=2026-11-21')).json.error.fieldErrors).toEqual({ to: 'The start date must not be after the end date' })
    expect((await get('?cursor=bogus')).json.error.fieldErrors).toHaveProperty('cursor')
    expect((await w.t.call('GET', '/api/portal/applications')).status).toBe(401)
    expect((await w.t.call('GET', '/api/portal/applications', { as: w.clerk })).status).toBe(401)
    expect((await get('', w.person)).status).toBe(403)
  })
})

describe('the online DC02 from a signed-in company', () => {
  it('receives the signed form at 00 as the company\'s own application', async () => {
    const res = await submit(onlineForm(w.t, { contactName: '線上送件' }))
    expect(res.status).toBe(201)
    expect(res.json).toMatchObject({ status: '00', channel: 'online', ubn: '52111891', kind: 'corporate', contactName: '線上送件', timeline: [{ action: 'received', toStatus: '00', note: null }] })
    expect(count("select count(*) n from audit_log where action = 'application.received_online' and entity_id = ?", res.json.applicationNo)).toBe(1)
  })

  it('refuses a form for another UBN, another company\'s card, bad fields, and a call without the CSRF token', async () => {
    const before = count('select count(*) n from applications')
    const foreign = await submit(onlineForm(w.t, { ubn: '82656552', officeCode: 'BA', boxNo: 'H08' }), w.cards['company-82656552'])
    expect(foreign.status).toBe(403)
    expect(foreign.json.error.message).toContain('company signed in')
    const wrongCard = await submit(onlineForm(w.t, { contactName: '他人卡片' }), w.cards['company-82656552'])
    expect(wrongCard.status).toBe(403)
    expect(wrongCard.json.error.message).toContain('UBN differs')
    const bad = await submit(onlineForm(w.t, { contactMobile: '0212345678', boxNo: 'K1', privacyConsent: false }))
    expect(bad.status).toBe(400)
    expect(Object.keys(bad.json.error.fieldErrors).sort()).toEqual(['boxNo', 'contactMobile', 'privacyConsent'])
    const noToken = await w.t.call('POST', '/api/portal/applications', { as: w.company, body: await signedBody(onlineForm(w.t), w.cards['company-52111891']), headers: { 'x-csrf-token': '' } })
    expect(noToken.status).toBe(403)
    expect(count('select count(*) n from applications')).toBe(before)
  })
})

describe('the fee slip of its own application', () => {
  it('gives the print data and the PDF; an application without a slip has none', async () => {
    const app = paid
    const slip = await get(`/${app.id}/fee-slip`)
    expect(slip.json).toMatchObject({ slipNo: app.feeSlip.slipNo, applicationNo: app.applicationNo, payerUbn: '52111891', amount: 2000, count: 1, status: 'paid' })
    const pdf = await w.t.app.request(`/api/portal/applications/${app.id}/fee-slip/pdf`, { headers: { cookie: w.company.cookie } })
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe('%PDF-')
    const fresh = (await submit(onlineForm(w.t, { contactName: '未開單' }))).json
    expect((await get(`/${fresh.id}/fee-slip`)).json.error.message).toBe('No fee slip has been issued for this application')
  })
})
