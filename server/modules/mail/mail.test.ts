import { createServer, type AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { formatApplicationNo } from '../../../core/workflow/application-number'
import { inTransaction } from '../../../db/client'
import { createMailDispatcher } from '../../lib/mail/dispatcher'
import { queueMail } from '../../lib/mail/outbox'
import { startSmtpTestServer } from '../../lib/mail/smtp-test-server'
import { createTestApp, type Session } from '../../lib/testing'

let t: Awaited<ReturnType<typeof createTestApp>>
let admin: Session
beforeEach(async () => {
  t = await createTestApp()
  admin = await t.login('admin')
})
afterEach(() => t.close())

function insertApplication(officeCode: string, sequence: number): { id: number; no: string } {
  const no = formatApplicationNo(officeCode, 115, sequence)
  const at = t.now().toISOString()
  const res = t.sqlite
    .prepare(`insert into applications (application_no, channel, service, status, office_code, ubn, company_name, contact_name, contact_phone, contact_mobile, contact_email, business_type, kind, box_no, privacy_consent, created_at, updated_at)
      values (?, 'online', 'new', '10', ?, '12345675', '大同報關股份有限公司', '陳小姐', '02-25505500', '0900123456', 'chen@example.com', 'customs-broker', 'corporate', 'B01', 1, ?, ?)`)
    .run(no, officeCode, at, at)
  return { id: Number(res.lastInsertRowid), no }
}

function queueFeeDue(app: { id: number; no: string }, to = 'chen@example.com') {
  return queueMail(t.db, { to, template: 'application-fee-due', applicationId: app.id, data: { applicationNo: app.no, feeSlipNo: 'AAF71150000151', amount: 2000, dueDate: '2026-12-06' }, now: t.now() }).id
}

async function failForGood(maxAttempts = 1) {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  const d = createMailDispatcher({ db: t.db, smtpUrl: `smtp://127.0.0.1:${port}`, from: t.env.MAIL_FROM, maxAttempts, clock: t.now, timeoutMs: 2000 })
  await d.runOnce()
  await d.stop()
}

describe('queueMail', () => {
  it('writes in the caller transaction: a rolled-back change sends nothing', () => {
    const app = insertApplication('AA', 1)
    expect(() =>
      inTransaction(t.db, (tx) => {
        queueMail(tx, { to: 'chen@example.com', template: 'application-paid', applicationId: app.id, data: { applicationNo: app.no }, now: t.now() })
        throw new Error('the status change failed')
      }),
    ).toThrow('the status change failed')
    expect(t.sqlite.prepare('select count(*) n from mail_outbox').get()).toEqual({ n: 0 })
  })

  it('keeps a mail to a malformed address as failed instead of failing the caller', () => {
    const app = insertApplication('AA', 1)
    for (const to of ['not-an-address', 'a@example.com, b@example.com', 'x@example.com\r\nBcc: y@example.com']) {
      const queued = queueMail(t.db, { to, template: 'application-paid', applicationId: app.id, data: { applicationNo: app.no }, now: t.now() })
      expect(queued.status).toBe('failed')
    }
    const rows = t.sqlite.prepare('select to_address, status, last_error from mail_outbox').all() as { to_address: string; last_error: string }[]
    expect(rows.every((r) => /invalid recipient/.test(r.last_error) && !/[\r\n]/.test(r.to_address))).toBe(true)
  })
})

describe('the outbox API (admin)', () => {
  it('is for admins only', async () => {
    const clerk = await t.login('clerk.keelung')
    expect((await t.call('GET', '/api/mail', { as: clerk })).status).toBe(403)
    expect((await t.call('GET', '/api/mail/1', { as: clerk })).status).toBe(403)
    expect((await t.call('POST', '/api/mail/1/retry', { as: clerk })).status).toBe(403)
    expect((await t.call('GET', '/api/mail', { as: await t.login('auditor') })).status).toBe(403)
    expect((await t.call('GET', '/api/mail')).status).toBe(401)
  })

  it('lists newest first in keyset pages, filters by status and searches', async () => {
    const apps = Array.from({ length: 5 }, (_, i) => insertApplication('AA', i + 1))
    const ids = apps.map((app, i) => queueFeeDue(app, `firm${i}@example.com`))
    const first = await t.call('GET', '/api/mail?limit=2', { as: admin })
    expect(first.status).toBe(200)
    expect(first.json.items.map((m: { id: number }) => m.id)).toEqual([ids[4], ids[3]])
    expect(first.json.items[0]).toMatchObject({ to: 'firm4@example.com', status: 'pending', attempts: 0, applicationId: apps[4]!.id, template: 'application-fee-due' })
    expect(first.json.items[0]).not.toHaveProperty('text')
    expect(first.json.total).toEqual({ count: 5, capped: false })
    const second = await t.call('GET', `/api/mail?limit=2&cursor=${first.json.nextCursor}`, { as: admin })
    expect(second.json.items.map((m: { id: number }) => m.id)).toEqual([ids[2], ids[1]])
    const last = await t.call('GET', `/api/mail?limit=2&cursor=${second.json.nextCursor}`, { as: admin })
    expect(last.json).toEqual({ items: [expect.objectContaining({ id: ids[0] })], nextCursor: null })

    const byAddress = await t.call('GET', '/api/mail?q=FIRM3@', { as: admin })
    expect(byAddress.json.items.map((m: { id: number }) => m.id)).toEqual([ids[3]])
    const byNumber = await t.call('GET', `/api/mail?q=${apps[1]!.no.toLowerCase()}`, { as: admin })
    expect(byNumber.json.items.map((m: { id: number }) => m.id)).toEqual([ids[1]])
    const bySubject = await t.call('GET', `/api/mail?q=${encodeURIComponent('繳費通知')}`, { as: admin })
    expect(bySubject.json.items).toHaveLength(5)
    expect((await t.call('GET', '/api/mail?status=failed', { as: admin })).json.items).toEqual([])
    expect((await t.call('GET', '/api/mail?status=pending', { as: admin })).json.items).toHaveLength(5)

    const bad = await t.call('GET', '/api/mail?status=lost&cursor=x&limit=500', { as: admin, headers: { 'accept-language': 'en' } })
    expect(bad.status).toBe(400)
    expect(Object.keys(bad.json.error.fieldErrors).sort()).toEqual(['limit', 'status'])
    expect((await t.call('GET', '/api/mail?cursor=x', { as: admin })).json.error.fieldErrors).toHaveProperty('cursor')
  })

  it('shows one mail with its body, secrets masked', async () => {
    const app = insertApplication('AA', 1)
    const id = queueFeeDue(app)
    const one = await t.call('GET', `/api/mail/${id}`, { as: admin })
    expect(one.json).toMatchObject({ id, subject: `[關港貿單一窗口]通關專屬憑證申請繳費通知，申請序號:${app.no}` })
    expect(one.json.text).toContain('民國 115/12/06')
    expect(one.json).not.toHaveProperty('officeCode')
    const code = queueMail(t.db, { to: 'chen@example.com', template: 'binding-code', data: { ubn: '12345675', code: 'K7Q2-9XZ1' }, now: t.now() }).id
    expect((await t.call('GET', `/api/mail/${code}`, { as: admin })).json.text).not.toContain('K7Q2-9XZ1')
    expect((await t.call('GET', '/api/mail/999999', { as: admin })).status).toBe(404)
  })

  it('puts a failed mail back in the queue, audited; only a failed one', async () => {
    const id = queueFeeDue(insertApplication('AA', 1))
    const early = await t.call('POST', `/api/mail/${id}/retry`, { as: admin })
    expect(early.status).toBe(409)

    await failForGood()
    const failed = (await t.call('GET', `/api/mail/${id}`, { as: admin })).json
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, lastError: expect.stringMatching(/ECONNREFUSED|ESOCKET|ECONNECTION/) })

    t.advance(60_000)
    const retried = await t.call('POST', `/api/mail/${id}/retry`, { as: admin })
    expect(retried.status).toBe(200)
    expect(retried.json).toMatchObject({ id, status: 'pending', attempts: 0, lastError: null, nextAttemptAt: t.now().toISOString() })
    const audit = t.sqlite.prepare("select * from audit_log where action = 'mail.retried'").get() as Record<string, string>
    expect(audit).toMatchObject({ entity: 'mail', entity_id: String(id), actor_name: 'admin' })
    expect(JSON.parse(audit.summary)).toMatchObject({ before: { status: 'failed', attempts: 1, lastError: failed.lastError }, after: { status: 'pending', attempts: 0 } })
    expect((await t.call('POST', `/api/mail/${id}/retry`, { as: admin })).status).toBe(409)
    expect((await t.call('GET', '/api/audit/verify', { as: admin })).json.ok).toBe(true)

    const smtp = await startSmtpTestServer()
    const d = createMailDispatcher({ db: t.db, smtpUrl: smtp.url, from: t.env.MAIL_FROM, maxAttempts: 1, clock: t.now })
    await d.runOnce()
    await d.stop()
    await smtp.close()
    expect(smtp.received.map((m) => m.rcptTo)).toEqual([['chen@example.com']])
    expect((await t.call('GET', `/api/mail/${id}`, { as: admin })).json).toMatchObject({ status: 'sent', attempts: 1, sentAt: t.now().toISOString() })
  })

  it('scopes an office admin to the mails of their office', async () => {
    const { json } = await t.call('POST', '/api/staff', { as: admin, body: { username: 'admin.keelung', displayName: '基隆管理者', officeCode: 'AA', roles: ['admin'] } })
    const temp = await t.login('admin.keelung', json.temporaryPassword)
    const changed = await t.call('POST', '/api/auth/password', { as: temp, body: { currentPassword: json.temporaryPassword, newPassword: 'Keelung-admin1' } })
    const keelung = { cookie: changed.headers.get('set-cookie')!.split(';')[0]!, csrfToken: changed.json.csrfToken }
    const own = queueFeeDue(insertApplication('AA', 1))
    const other = queueFeeDue(insertApplication('CA', 1))
    const none = queueMail(t.db, { to: 'x@example.com', template: 'password-reset', data: { account: 'x@example.com', resetUrl: 'https://x/r?t=1', expiresAt: t.now() }, now: t.now() }).id
    expect((await t.call('GET', '/api/mail', { as: keelung })).json.items.map((m: { id: number }) => m.id)).toEqual([own])
    expect((await t.call('GET', `/api/mail/${other}`, { as: keelung })).status).toBe(404)
    expect((await t.call('GET', `/api/mail/${none}`, { as: keelung })).status).toBe(404)
    expect((await t.call('GET', '/api/mail', { as: admin })).json.items).toHaveLength(3)
  })
})
