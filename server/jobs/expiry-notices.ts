import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm'
import { taipeiDate } from '../../core/tw'
import { inTransaction, type Db } from '../../db/client'
import { applications, certificates, expiryNotices } from '../../db/schema'
import { recordAudit, type AuditContext } from '../lib/audit'
import { JOB_BATCH, yieldToRequests } from '../lib/batches'
import { queueMail } from '../lib/mail/outbox'

/** The ISO week of a Taipei date, e.g. 2026-W47: one notice cycle. */
export function isoWeek(date: string): string {
  const d = new Date(`${date}T00:00:00Z`)
  // The week belongs to the year of its Thursday.
  d.setUTCDate(d.getUTCDate() + 4 - (d.getUTCDay() || 7))
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1)
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7)
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`
}

// Named index: without ANALYZE statistics SQLite would rather walk every renewal (the (service, received_at)
// index) than seek the one serial, once per certificate in the window.
const renewalUnderWay = (serialHex: string) =>
  sql`exists (select 1 from ${applications} r indexed by applications_target_serial_idx where r.target_serial = ${serialHex} and r.service = 'renew' and r.status in ('00', '10', '20', 'A0'))`

/**
 * The weekly expiry notice (DOMAIN.md §5): certificates that end within 30 days get one mail per cycle, to the
 * contact of the application they came from; none when a renewal is under way or done. Idempotent per cycle.
 * A million certificates put some twenty thousand in that window, so it goes in index order, a batch at a time,
 * one transaction per batch, letting requests in between (server/lib/batches.ts).
 */
export async function sendExpiryNotices(opts: { db: Db; ctx: AuditContext }): Promise<{ cycle: string; sent: number; noContact: number }> {
  const now = opts.ctx.now
  const cycle = isoWeek(taipeiDate(now))
  const windowEnd = new Date(now.getTime() + 30 * 86_400_000).toISOString()
  let sent = 0
  let noContact = 0
  for (let after = { notAfter: now.toISOString(), id: 0 }; ; ) {
    const due = opts.db
      .select({ id: certificates.id, serialHex: certificates.serialHex, subjectDn: certificates.subjectDn, ubn: certificates.ubn, notAfter: certificates.notAfter, applicationId: certificates.applicationId })
      .from(certificates)
      .where(
        and(
          eq(certificates.status, 'valid'),
          sql`(${certificates.notAfter}, ${certificates.id}) > (${after.notAfter}, ${after.id})`,
          gte(certificates.notAfter, now.toISOString()),
          lte(certificates.notAfter, windowEnd),
        ),
      )
      .orderBy(asc(certificates.notAfter), asc(certificates.id))
      .limit(JOB_BATCH)
      .all()
    if (!due.length) break
    after = due[due.length - 1]!
    const contacts = new Map(
      opts.db.select({ id: applications.id, email: applications.contactEmail, company: applications.companyName }).from(applications).where(inArray(applications.id, due.map((c) => c.applicationId ?? 0))).all().map((a) => [a.id, a]),
    )
    inTransaction(opts.db, (tx) => {
      for (const cert of due) {
        const skip = tx.get<{ skip: number }>(sql`select (${renewalUnderWay(cert.serialHex)}) or exists (select 1 from ${expiryNotices} n where n.certificate_id = ${cert.id} and n.cycle = ${cycle}) as skip`)
        if (skip.skip) continue
        const contact = cert.applicationId ? contacts.get(cert.applicationId) : undefined
        if (!contact) {
          noContact++
          continue
        }
        tx.insert(expiryNotices).values({ certificateId: cert.id, cycle, sentAt: now.toISOString() }).run()
        queueMail(tx, { to: contact.email, template: 'certificate-expiry', data: { ubn: cert.ubn, companyName: contact.company, certificates: [{ name: cert.subjectDn, serialNumber: cert.serialHex, notAfter: cert.notAfter }] }, now })
        recordAudit(tx, opts.ctx, { action: 'certificate.expiry_notice', entity: 'certificate', entityId: cert.serialHex, after: { cycle, notAfter: cert.notAfter } })
        sent++
      }
    })
    await yieldToRequests()
  }
  return { cycle, sent, noContact }
}
