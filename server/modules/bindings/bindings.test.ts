import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Card } from '../../../core/pki'
import { portalAccounts } from '../../../db/schema'
import { hashPassword } from '../../lib/password'
import { createTestApp, type Session } from '../../lib/testing'
import { cardAnswerFor, openDemoCards, portalCardLogin, portalPasswordLogin, PORTAL_PASSWORD, type DemoCardName } from '../portal-accounts/portal.fixtures'

let t: Awaited<ReturnType<typeof createTestApp>>
let cards: Record<DemoCardName, Card>
let holder: Session
let clerk: Session
const PDF = new TextEncoder().encode('%PDF-1.4\n% sealed account form\n')

beforeAll(async () => {
  t = await createTestApp({}, { ca: true })
  cards = await openDemoCards(t)
  // an account that signs in by password only: the holder of seed 004
  const at = t.now().toISOString()
  t.db.insert(portalAccounts).values({ accountId: '82656552', category: 'company', attribute: 'general', email: 'it@example.tw', contactName: '張三', ubn: '82656552', companyName: '示範物流', phone: '02-25505500', address: '臺北市', passwordHash: await hashPassword(PORTAL_PASSWORD, t.env.PASSWORD_HASH_COST), createdAt: at, updatedAt: at }).run()
  holder = await portalPasswordLogin(t, '82656552')
  clerk = await t.login('clerk.keelung')
}, 60_000)
afterAll(() => t.close())

function upload(as: Session, bytes: Uint8Array, cardKind = 'moeaca', name = 'form.pdf') {
  const form = new FormData()
  form.set('file', new File([new Uint8Array(bytes)], name))
  form.set('cardKind', cardKind)
  return t.app.request('/api/portal/bindings', { method: 'POST', body: form, headers: { cookie: as.cookie, 'x-csrf-token': as.csrfToken } })
}
const mailedCode = () => {
  const row = t.sqlite.prepare("select body_text body from mail_outbox where template = 'binding-code' order by id desc limit 1").get() as { body: string }
  return /驗證碼：(\S+)/.exec(row.body)![1]!
}
const bind = async (code: string, card: Card, accountId = '82656552') => t.call('POST', '/api/portal/bindings/bind', { body: { accountId, code, ...(await cardAnswerFor(t, card)) } })

describe('binding a card to an existing account (seed 004)', () => {
  it('refuses a form that is not a PDF or image, and the wrong kind of card for the account', async () => {
    const fake = await upload(holder, new TextEncoder().encode('MZ not a scan'))
    expect(fake.status).toBe(400)
    expect((await fake.json()).error.fieldErrors.file).toBe('只接受 PDF、JPEG 或 PNG 檔案')
    const wrongKind = await upload(holder, PDF, 'moica')
    expect((await wrongKind.json()).error.fieldErrors.cardKind).toBe('企業帳號請綁定工商憑證')
    expect(t.sqlite.prepare('select count(*) n from binding_requests').get()).toEqual({ n: 0 })
  })

  it('goes from the uploaded form to a mailed code to a bound card, and the code works once', async () => {
    const submitted = await upload(holder, PDF)
    expect(submitted.status).toBe(201)
    const request = await submitted.json()
    expect(request).toMatchObject({ status: 'submitted', accountId: '82656552', cardKind: 'moeaca' })
    expect((await upload(holder, PDF)).status).toBe(409)

    const list = await t.call('GET', '/api/bindings?status=submitted', { as: clerk })
    expect(list.json.items.map((r: { id: number }) => r.id)).toContain(request.id)
    const form = await t.call('GET', `/api/bindings/${request.id}/form`, { as: clerk })
    expect(form.headers.get('content-type')).toBe('application/pdf')

    const confirmed = await t.call('POST', `/api/bindings/${request.id}/confirm`, { as: clerk, body: { version: request.version } })
    expect(confirmed.json).toMatchObject({ status: 'code-issued', decidedBy: expect.any(String) })
    expect(Date.parse(confirmed.json.codeExpiresAt) - t.now().getTime()).toBe(7 * 86_400_000)
    const code = mailedCode()
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/)
    // the code is kept only as a hash, and the audit row does not carry it
    expect(JSON.stringify(t.sqlite.prepare("select * from audit_log where action like 'binding.%'").all())).not.toContain(code.replace('-', ''))

    const wrong = await bind('AAAA-BBBB', cards['company-82656552'])
    expect(wrong.json.error.fieldErrors.code).toBe('驗證碼錯誤、已使用或已逾期')
    const otherCompany = await bind(code, cards['company-61611290'])
    expect(otherCompany.status).toBe(422)
    expect(otherCompany.json.error.code).toBe('IDENTITY_MISMATCH')

    const bound = await bind(code.toLowerCase(), cards['company-82656552'])
    expect(bound.status).toBe(200)
    const session = await portalCardLogin(t, cards['company-82656552'])
    expect((await t.call('GET', '/api/portal/auth/me', { as: session })).json.user.accountId).toBe('82656552')
    const again = await bind(code, cards['company-82656552'])
    expect(again.json.error.fieldErrors.code).toBe('驗證碼錯誤、已使用或已逾期')
  })

  it('refuses an expired code', async () => {
    const request = await (await upload(holder, PDF)).json()
    await t.call('POST', `/api/bindings/${request.id}/confirm`, { as: clerk, body: { version: request.version } })
    const code = mailedCode()
    t.advance(7 * 86_400_000 + 1)
    const res = await bind(code, cards['company-82656552'])
    expect(res.json.error.fieldErrors.code).toBe('驗證碼錯誤、已使用或已逾期')
  })

  it('lets a holder whose code expired file again; only clerks decide, once', async () => {
    // a week has passed: both sessions have long ended
    holder = await portalPasswordLogin(t, '82656552')
    clerk = await t.login('clerk.keelung')
    const res = await upload(holder, PDF, 'moeaca', 'scan.pdf')
    expect(res.status).toBe(201)
    const request = await res.json()
    const supervisor = await t.login('supervisor.keelung')
    expect((await t.call('POST', `/api/bindings/${request.id}/reject`, { as: supervisor, body: { version: request.version, reason: 'x' } })).status).toBe(403)
    const rejected = await t.call('POST', `/api/bindings/${request.id}/reject`, { as: clerk, body: { version: request.version, reason: '印鑑不符' } })
    expect(rejected.json).toMatchObject({ status: 'rejected', rejectReason: '印鑑不符' })
    const twice = await t.call('POST', `/api/bindings/${request.id}/confirm`, { as: clerk, body: { version: rejected.json.version } })
    expect(twice.status).toBe(409)
    const mine = (await t.call('GET', '/api/portal/bindings', { as: holder })).json.items.map((r: { status: string }) => r.status)
    expect(mine).toEqual(['rejected', 'code-issued', 'bound'])
  })
})
