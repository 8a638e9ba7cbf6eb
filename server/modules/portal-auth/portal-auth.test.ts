import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Card } from '../../../core/pki'
import { createTestApp } from '../../lib/testing'
import { cardAnswerFor, DEMO_PEOPLE, openDemoCards, portalCardLogin, portalPasswordLogin, PORTAL_PASSWORD, registerCompany, registerPerson, type DemoCardName } from '../portal-accounts/portal.fixtures'

let t: Awaited<ReturnType<typeof createTestApp>>
let cards: Record<DemoCardName, Card>
beforeAll(async () => {
  t = await createTestApp({ LOCKOUT_THRESHOLD: 3 }, { ca: true })
  cards = await openDemoCards(t)
  expect((await registerPerson(t, cards['citizen-1'], DEMO_PEOPLE['citizen-1'])).status).toBe(201)
  expect((await registerCompany(t, cards['company-52111891'], '52111891')).status).toBe(201)
}, 60_000)
afterAll(() => t.close())

describe('portal sign-in', () => {
  it('signs in with a registered card and shows who is signed in', async () => {
    const session = await portalCardLogin(t, cards['company-52111891'])
    expect(session.cookie).toMatch(/^certdesk_portal=/)
    const me = await t.call('GET', '/api/portal/auth/me', { as: session })
    expect(me.json).toMatchObject({ method: 'card', user: { accountId: '52111891', category: 'company', name: '公司 52111891', hasPassword: true } })
  })

  it('refuses a card that is not registered, and a replayed answer', async () => {
    const res = await t.call('POST', '/api/portal/auth/login/card', { body: await cardAnswerFor(t, cards['citizen-2']) })
    expect(res.status).toBe(401)
    expect(res.json.error.code).toBe('CARD_NOT_REGISTERED')
    const answer = await cardAnswerFor(t, cards['citizen-1'])
    expect((await t.call('POST', '/api/portal/auth/login/card', { body: answer })).status).toBe(200)
    const replay = await t.call('POST', '/api/portal/auth/login/card', { body: answer })
    expect(replay.status).toBe(409)
    expect(replay.json.error.code).toBe('CHALLENGE_USED')
  })

  it('signs in with the account id and password', async () => {
    const session = await portalPasswordLogin(t, 'a115881394@example.tw')
    const me = await t.call('GET', '/api/portal/auth/me', { as: session })
    expect(me.json.user).toMatchObject({ category: 'individual', name: '王建民' })
    expect(me.json.method).toBe('password')
  })

  it('keeps portal and staff sessions apart', async () => {
    const portal = await portalCardLogin(t, cards['company-52111891'])
    expect((await t.call('GET', '/api/auth/me', { as: portal })).status).toBe(401)
    expect((await t.call('GET', '/api/applications', { as: portal })).status).toBe(401)
    const staff = await t.login('clerk.keelung')
    expect((await t.call('GET', '/api/portal/auth/me', { as: staff })).status).toBe(401)
  })

  it('needs the portal CSRF token for a state change', async () => {
    const session = await portalPasswordLogin(t, '52111891')
    const res = await t.call('POST', '/api/portal/auth/logout', { as: session, headers: { 'x-csrf-token': 'wrong' } })
    expect(res.status).toBe(403)
    expect(res.json.error.code).toBe('CSRF_FAILED')
    expect((await t.call('POST', '/api/portal/auth/logout', { as: session })).status).toBe(204)
    expect((await t.call('GET', '/api/portal/auth/me', { as: session })).status).toBe(401)
  })

  it('locks the account after repeated wrong passwords, and a card cannot bypass the lock', async () => {
    for (let i = 0; i < 3; i++) expect((await t.call('POST', '/api/portal/auth/login/password', { body: { accountId: 'a115881394@example.tw', password: 'Wrong-pass-1' } })).status).toBe(401)
    const locked = await t.call('POST', '/api/portal/auth/login/password', { body: { accountId: 'a115881394@example.tw', password: PORTAL_PASSWORD } })
    expect(locked.status).toBe(423)
    const byCard = await t.call('POST', '/api/portal/auth/login/card', { body: await cardAnswerFor(t, cards['citizen-1']) })
    expect(byCard.json.error.code).toBe('ACCOUNT_LOCKED')
    t.advance(16 * 60_000)
    expect((await portalPasswordLogin(t, 'a115881394@example.tw')).cookie).toMatch(/^certdesk_portal=/)
  })

  it('gives a new session id at every sign-in, so a planted id is worthless', async () => {
    const first = await portalPasswordLogin(t, '52111891')
    const res = await t.call('POST', '/api/portal/auth/login/password', { body: { accountId: '52111891', password: PORTAL_PASSWORD }, headers: { cookie: first.cookie } })
    const second = res.headers.get('set-cookie')!.split(';')[0]!
    expect(second).not.toBe(first.cookie)
    expect((await t.call('GET', '/api/portal/auth/me', { as: first })).status).toBe(401)
  })

  it('changes the password and ends the other sessions', async () => {
    const a = await portalPasswordLogin(t, '52111891')
    const b = await portalPasswordLogin(t, '52111891')
    const res = await t.call('POST', '/api/portal/auth/password', { as: a, body: { currentPassword: PORTAL_PASSWORD, newPassword: 'Portal-pass-2' } })
    expect(res.status).toBe(200)
    expect((await t.call('GET', '/api/portal/auth/me', { as: b })).status).toBe(401)
    expect((await portalPasswordLogin(t, '52111891', 'Portal-pass-2')).cookie).toBeTruthy()
  })
})
