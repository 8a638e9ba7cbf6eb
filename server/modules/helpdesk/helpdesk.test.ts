import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type Session } from '../../lib/testing'
import { portalPasswordLogin } from '../portal-accounts/portal.fixtures'

let t: Awaited<ReturnType<typeof createTestApp>>
let helpdesk: Session
const person = { idOrUbn: 'F123456784', birthDateOrRepresentative: '64/03/08', email: 'chen.chihming@example.tw' }
const company = { idOrUbn: '77435691', birthDateOrRepresentative: '蘇 怡君', email: 'it@zhonggang.example.tw' }

beforeAll(async () => {
  t = await createTestApp()
  helpdesk = await t.login('helpdesk')
})
afterAll(() => t.close())

const accountIdOf = async (q: string) => (await t.call('GET', `/api/helpdesk/accounts?q=${encodeURIComponent(q)}`, { as: helpdesk })).json.items[0].id as number
const lastMail = () => t.sqlite.prepare("select to_address, body_text from mail_outbox where template = 'password-reset' order by id desc limit 1").get() as { to_address: string; body_text: string }
const tokenFrom = (text: string) => /token=([\w-]+)/.exec(text)![1]!

describe('helpdesk: migrated accounts', () => {
  it('finds a migrated account by ID number, with the ID masked and no password', async () => {
    const res = await t.call('GET', '/api/helpdesk/accounts?q=F123456784', { as: helpdesk })
    expect(res.json.items).toEqual([expect.objectContaining({ accountId: 'chen.chihming@example.tw', maskedIdNumber: 'F12****784', migrated: true, hasPassword: false })])
    expect(JSON.stringify(res.json)).not.toContain('F123456784')
  })

  it('refuses an action when the caller check fails, names the items and audits the failure', async () => {
    const id = await accountIdOf('F123456784')
    const res = await t.call('POST', `/api/helpdesk/accounts/${id}/reset-link`, { as: helpdesk, body: { checklist: { ...person, birthDateOrRepresentative: '1975-03-09', email: 'other@example.tw' } } })
    expect(res.status).toBe(422)
    expect(Object.keys(res.json.error.fieldErrors).sort()).toEqual(['birthDateOrRepresentative', 'email'])
    expect(t.sqlite.prepare("select count(*) n from audit_log where action = 'helpdesk.check_failed'").get()).toEqual({ n: 1 })
    expect(t.sqlite.prepare("select count(*) n from password_resets").get()).toEqual({ n: 0 })
  })

  it('mails a reset link valid 24 h that sets a password once; the account then signs in', async () => {
    const id = await accountIdOf('F123456784')
    const sent = await t.call('POST', `/api/helpdesk/accounts/${id}/reset-link`, { as: helpdesk, body: { checklist: person } })
    expect(sent.status).toBe(200)
    const mail = lastMail()
    expect(mail.to_address).toBe('chen.chihming@example.tw')
    const token = tokenFrom(mail.body_text)
    const reset = await t.call('POST', '/api/portal/password-reset', { body: { token, newPassword: 'Fresh-pass-1' } })
    expect(reset.json).toEqual({ accountId: 'chen.chihming@example.tw' })
    expect((await portalPasswordLogin(t, 'chen.chihming@example.tw', 'Fresh-pass-1')).cookie).toBeTruthy()
    const reused = await t.call('POST', '/api/portal/password-reset', { body: { token, newPassword: 'Fresh-pass-2' }, headers: { 'accept-language': 'en' } })
    expect(reused.status).toBe(400)
    expect(reused.json.error.message).toMatch(/expired or was already used/)
  })

  it('refuses an expired link', async () => {
    const id = await accountIdOf('77435691')
    await t.call('POST', `/api/helpdesk/accounts/${id}/reset-link`, { as: helpdesk, body: { checklist: company } })
    const token = tokenFrom(lastMail().body_text)
    t.advance(24 * 3_600_000 + 1)
    expect((await t.call('POST', '/api/portal/password-reset', { body: { token, newPassword: 'Fresh-pass-1' } })).status).toBe(400)
    helpdesk = await t.login('helpdesk')
  })

  it('sets a temporary password that must be changed at the next sign-in', async () => {
    const id = await accountIdOf('77435691')
    const res = await t.call('POST', `/api/helpdesk/accounts/${id}/temporary-password`, { as: helpdesk, body: { checklist: company } })
    const { temporaryPassword } = res.json
    expect(temporaryPassword).toMatch(/^(?=.*\d)(?=.*[A-Z])(?=.*[a-z]).{12}$/)
    const session = await portalPasswordLogin(t, '77435691', temporaryPassword)
    expect((await t.call('GET', '/api/portal/auth/me', { as: session })).json.user.mustChangePassword).toBe(true)
    expect((await t.call('GET', '/api/portal/bindings', { as: session })).status).toBe(403)
    expect((await t.call('POST', '/api/portal/auth/password', { as: session, body: { currentPassword: temporaryPassword, newPassword: 'Company-pass-1' } })).status).toBe(200)
  })

  it('unlocks a locked account', async () => {
    for (let i = 0; i < 5; i++) await t.call('POST', '/api/portal/auth/login/password', { body: { accountId: '77435691', password: 'Wrong-pass-1' } })
    const id = await accountIdOf('77435691')
    expect((await t.call('GET', `/api/helpdesk/accounts/${id}`, { as: helpdesk })).json.lockedUntil).not.toBeNull()
    expect((await t.call('POST', `/api/helpdesk/accounts/${id}/unlock`, { as: helpdesk })).json.lockedUntil).toBeNull()
    expect((await portalPasswordLogin(t, '77435691', 'Company-pass-1')).cookie).toBeTruthy()
  })

  it('changes a registered e-mail only when a second staff member approves', async () => {
    const id = await accountIdOf('77435691')
    const asked = await t.call('POST', `/api/helpdesk/accounts/${id}/email-change`, { as: helpdesk, body: { checklist: company, newEmail: 'New@Zhonggang.example.tw', reason: '承辦人異動' } })
    expect(asked.status).toBe(201)
    expect((await t.call('GET', `/api/helpdesk/accounts/${id}`, { as: helpdesk })).json.email).toBe('it@zhonggang.example.tw')
    const self = await t.call('POST', `/api/helpdesk/email-changes/${asked.json.id}/decide`, { as: helpdesk, body: { version: asked.json.version, approve: true } })
    expect(self.status).toBe(403)
    const supervisor = await t.login('supervisor.keelung')
    const approved = await t.call('POST', `/api/helpdesk/email-changes/${asked.json.id}/decide`, { as: supervisor, body: { version: asked.json.version, approve: true } })
    expect(approved.json).toMatchObject({ status: 'approved', newEmail: 'new@zhonggang.example.tw' })
    expect((await t.call('GET', `/api/helpdesk/accounts/${id}`, { as: helpdesk })).json.email).toBe('new@zhonggang.example.tw')
    expect(t.sqlite.prepare("select count(*) n from audit_log where action = 'helpdesk.email_changed'").get()).toEqual({ n: 1 })
    const decided = (await t.call('GET', '/api/helpdesk/email-changes?status=approved&limit=1', { as: helpdesk })).json
    expect(decided).toMatchObject({ items: [{ id: asked.json.id, status: 'approved' }], nextCursor: null, total: { count: 1, capped: false } })
    expect((await t.call('GET', '/api/helpdesk/email-changes?status=pending', { as: helpdesk })).json.items).toEqual([])
  })

  it('is for the helpdesk: a clerk gets 403', async () => {
    const clerk = await t.login('clerk.keelung')
    expect((await t.call('GET', '/api/helpdesk/accounts?q=x', { as: clerk })).status).toBe(403)
  })
})
