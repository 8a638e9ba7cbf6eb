import { createServer, type AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Database_ } from '../../../db/client'
import { openTestDatabase } from '../testing'
import { createMailDispatcher, retryDelayMs, type MailDispatcherOptions } from './dispatcher'
import { claimRow } from './mail-store'
import { queueMail } from './outbox'
import { parseMail, startSmtpTestServer } from './smtp-test-server'

let database: Database_
let now: Date
const MIN = 60_000
beforeEach(() => {
  database = openTestDatabase()
  now = new Date('2026-11-20T02:00:00.000Z')
})
afterEach(() => database.close())

const row = (id: number) => database.sqlite.prepare('select * from mail_outbox where id = ?').get(id) as Record<string, string | number | null>
const feeDue = (to: string, applicationNo = 'AA1150000123') =>
  queueMail(database.db, { to, template: 'application-fee-due', data: { applicationNo, feeSlipNo: 'AAF71150000151', amount: 2000, dueDate: '2026-12-06' }, now }).id

function dispatcher(smtpUrl: string, extra: Partial<MailDispatcherOptions> = {}) {
  return createMailDispatcher({ db: database.db, smtpUrl, from: 'Certdesk <no-reply@certdesk.local>', maxAttempts: 3, clock: () => now, timeoutMs: 2000, ...extra })
}

/** A port on loopback that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

describe('the mail dispatcher, against a real SMTP server on loopback', () => {
  it('sends a pending mail with authentication and marks it sent', async () => {
    const smtp = await startSmtpTestServer({ auth: { user: 'certdesk', pass: 'p@ss:word' } })
    const id = feeDue('chen@example.com')
    const d = dispatcher(smtp.url)
    try {
      expect(await d.runOnce()).toEqual({ sent: 1, retrying: 0, failed: 0 })
    } finally {
      await d.stop()
      await smtp.close()
    }
    expect(smtp.received).toHaveLength(1)
    const [got] = smtp.received
    expect(got!.rcptTo).toEqual(['chen@example.com'])
    expect(got!.mailFrom).toBe('no-reply@certdesk.local')
    const mail = parseMail(got!.raw)
    expect(mail.headers.get('subject')).toMatch(/^=\?UTF-8\?/i) // encoded on the wire …
    expect(mail.subject).toBe('[關港貿單一窗口]通關專屬憑證申請繳費通知，申請序號:AA1150000123') // … and decoded here
    expect(mail.text).toContain('繳款單號碼：AAF71150000151')
    expect(mail.text).toContain('新臺幣 2,000 元')
    expect(mail.text).toContain('民國 115/12/06')
    expect(mail.headers.get('message-id')).toMatch(new RegExp(`^<outbox-${id}-\\d+@certdesk\\.local>$`))
    expect(row(id)).toMatchObject({ status: 'sent', attempts: 1, sent_at: now.toISOString(), last_error: null })
  })

  it('sends nothing that is not due, and nothing twice', async () => {
    const smtp = await startSmtpTestServer()
    const d = dispatcher(smtp.url)
    const id = feeDue('chen@example.com')
    database.sqlite.prepare('update mail_outbox set next_attempt_at = ? where id = ?').run(new Date(now.getTime() + MIN).toISOString(), id)
    try {
      expect(await d.runOnce()).toEqual({ sent: 0, retrying: 0, failed: 0 })
      now = new Date(now.getTime() + MIN)
      expect((await d.runOnce()).sent).toBe(1)
      expect((await d.runOnce()).sent).toBe(0)
    } finally {
      await d.stop()
      await smtp.close()
    }
    expect(smtp.received).toHaveLength(1)
  })

  it('retries with backoff after failures, then marks the mail failed and keeps the error', async () => {
    const d = dispatcher(`smtp://127.0.0.1:${await closedPort()}`)
    const id = feeDue('chen@example.com')
    const start = now.getTime()
    try {
      expect(await d.runOnce()).toEqual({ sent: 0, retrying: 1, failed: 0 })
      expect(row(id)).toMatchObject({ status: 'pending', attempts: 1, next_attempt_at: new Date(start + MIN).toISOString() })
      expect(row(id).last_error).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/)
      now = new Date(start + MIN - 1)
      expect(await d.runOnce()).toEqual({ sent: 0, retrying: 0, failed: 0 }) // not yet due
      now = new Date(start + MIN)
      await d.runOnce()
      expect(row(id)).toMatchObject({ status: 'pending', attempts: 2, next_attempt_at: new Date(start + 3 * MIN).toISOString() })
      now = new Date(start + 3 * MIN)
      expect(await d.runOnce()).toEqual({ sent: 0, retrying: 0, failed: 1 })
    } finally {
      await d.stop()
    }
    expect(row(id)).toMatchObject({ status: 'failed', attempts: 3 })
    expect(row(id).last_error).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/)
    now = new Date(start + 24 * 60 * MIN)
    expect(await dispatcher('smtp://127.0.0.1:1').runOnce()).toEqual({ sent: 0, retrying: 0, failed: 0 }) // failed stays failed
  })

  it('doubles the wait up to an hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map((n) => retryDelayMs(n) / MIN)).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60])
  })

  it('fails at once on a permanent rejection of the recipient', async () => {
    const smtp = await startSmtpTestServer({ rejectRcpt: (a) => a.startsWith('nobody@') })
    const d = dispatcher(smtp.url)
    const bad = feeDue('nobody@example.com', 'AA1150000001')
    const good = feeDue('chen@example.com', 'AA1150000002')
    try {
      expect(await d.runOnce()).toEqual({ sent: 1, retrying: 0, failed: 1 })
    } finally {
      await d.stop()
      await smtp.close()
    }
    expect(row(bad)).toMatchObject({ status: 'failed', attempts: 1 })
    expect(row(bad).last_error).toMatch(/550/)
    expect(row(good)).toMatchObject({ status: 'sent' })
  })

  it('never sends a mail twice when runs overlap, in one process or two dispatchers', async () => {
    const smtp = await startSmtpTestServer()
    const ids = Array.from({ length: 8 }, (_, i) => feeDue(`firm${i}@example.com`, `AA11500000${10 + i}`))
    const a = dispatcher(smtp.url)
    const b = dispatcher(smtp.url)
    try {
      const results = await Promise.all([a.runOnce(), a.runOnce(), b.runOnce(), b.runOnce()])
      expect(results.reduce((n, r) => n + r.sent, 0)).toBe(8)
    } finally {
      await Promise.all([a.stop(), b.stop()])
      await smtp.close()
    }
    expect(smtp.received.map((m) => m.rcptTo[0]).sort()).toEqual(ids.map((_, i) => `firm${i}@example.com`).sort())
    for (const id of ids) expect(row(id)).toMatchObject({ status: 'sent', attempts: 1 })
  })

  it('lets only one of two claimers that read the same row win it', () => {
    const id = feeDue('chen@example.com')
    const seen = row(id).next_attempt_at as string
    const lease = (ms: number) => new Date(now.getTime() + ms).toISOString()
    expect(claimRow(database.db, id, seen, lease(300_000))).toBe(true)
    expect(claimRow(database.db, id, seen, lease(300_001))).toBe(false)
  })

  it('keeps a secret out of the stored body once the mail is sent', async () => {
    const smtp = await startSmtpTestServer()
    const d = dispatcher(smtp.url)
    const { id } = queueMail(database.db, { to: 'chen@example.com', template: 'binding-code', data: { ubn: '12345675', code: 'K7Q2-9XZ1' }, now })
    try {
      await d.runOnce()
    } finally {
      await d.stop()
      await smtp.close()
    }
    expect(parseMail(smtp.received[0]!.raw).text).toContain('驗證碼：K7Q2-9XZ1')
    expect(row(id).body_text).not.toContain('K7Q2-9XZ1')
  })

  it('runs in a loop until stopped', async () => {
    const smtp = await startSmtpTestServer()
    const d = dispatcher(smtp.url, { intervalMs: 5 })
    d.start()
    try {
      feeDue('chen@example.com')
      for (let i = 0; i < 200 && smtp.received.length === 0; i++) await new Promise((r) => setTimeout(r, 5))
    } finally {
      await d.stop()
      await smtp.close()
    }
    expect(smtp.received).toHaveLength(1)
  })

  it('sends a mail queued in this process at once, not at its next look at the outbox', async () => {
    const smtp = await startSmtpTestServer()
    const d = dispatcher(smtp.url, { intervalMs: 60_000 })
    d.start()
    try {
      // the first look finds the outbox empty; the next would be a minute later
      await new Promise((r) => setTimeout(r, 100))
      database.db.transaction((tx) => void queueMail(tx, { to: 'chen@example.com', template: 'application-fee-due', data: { applicationNo: 'AA1150000123', feeSlipNo: 'AAF71150000151', amount: 2000, dueDate: '2026-12-06' }, now }))
      for (let i = 0; i < 200 && smtp.received.length === 0; i++) await new Promise((r) => setTimeout(r, 10))
      expect(smtp.received).toHaveLength(1)
      // and a mail queued while a run is sending is not left for the next minute either
      feeDue('lin@example.com')
      feeDue('wang@example.com')
      for (let i = 0; i < 300 && smtp.received.length < 3; i++) await new Promise((r) => setTimeout(r, 10))
      expect(smtp.received).toHaveLength(3)
    } finally {
      await d.stop()
      await smtp.close()
    }
  })
})
