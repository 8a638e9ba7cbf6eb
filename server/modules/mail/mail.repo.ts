import { and, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm'
import type { MailDetail, MailStatus, MailSummary } from '../../../core/contracts/mail'
import type { Db } from '../../../db/client'
import { applications, mailOutbox } from '../../../db/schema'
import { boundedCount } from '../../lib/paging'
import { containsPattern } from '../../lib/sql'

const summaryColumns = {
  id: mailOutbox.id,
  to: mailOutbox.toAddress,
  subject: mailOutbox.subject,
  template: mailOutbox.template,
  applicationId: mailOutbox.applicationId,
  status: mailOutbox.status,
  attempts: mailOutbox.attempts,
  nextAttemptAt: mailOutbox.nextAttemptAt,
  lastError: mailOutbox.lastError,
  createdAt: mailOutbox.createdAt,
  sentAt: mailOutbox.sentAt,
}

export interface MailFilter {
  status?: MailStatus
  q?: string
  /** keyset: ids below this one (the cursor) */
  beforeId?: number
  /** a text search's window: ids from this one up (decision 0016) */
  fromId?: number
  limit: number
  /** an office admin sees only the mails of their office's applications */
  scope: string | null
}

/**
 * Mails about applications of one office: each mail's application looked up by its key as the list walks
 * newest first (an office's share of the mail is large, so a page is found after a few rows of the walk).
 */
const ofOffice = (office: string) => sql`(select ${applications.officeCode} from ${applications} where ${applications.id} = ${mailOutbox.applicationId}) = ${office}`

function conditions(f: Omit<MailFilter, 'limit'>): SQL[] {
  const where: SQL[] = []
  if (f.scope) where.push(ofOffice(f.scope))
  if (f.status) where.push(eq(mailOutbox.status, f.status))
  if (f.fromId) where.push(gte(mailOutbox.id, f.fromId))
  if (f.beforeId) where.push(lt(mailOutbox.id, f.beforeId))
  if (f.q) {
    const p = containsPattern(f.q)
    where.push(
      or(
        sql`${mailOutbox.toAddress} like ${p} escape '\\'`,
        sql`${mailOutbox.subject} like ${p} escape '\\'`,
        // the number is in every application mail's subject; this also finds one whose subject does not carry it
        inArray(mailOutbox.applicationId, sql`(select ${applications.id} from ${applications} where ${applications.applicationNo} = ${f.q.toUpperCase()})`),
      )!,
    )
  }
  return where
}

/** Newest first, keyset-paged by id: the rowid, or (status, id). */
export function mailQuery(db: Db, f: Omit<MailFilter, 'limit'>) {
  return db.select(summaryColumns).from(mailOutbox).where(and(...conditions(f))).orderBy(desc(mailOutbox.id))
}

export function listMail(db: Db, f: MailFilter): MailSummary[] {
  return mailQuery(db, f).limit(f.limit).all()
}

/** The rows the filters select, unordered, for the bounded count. */
export function mailCountQuery(db: Db, f: Omit<MailFilter, 'limit' | 'beforeId'>) {
  return db.select({ one: sql`1` }).from(mailOutbox).where(and(...conditions(f)))
}

export function countMail(db: Db, f: Omit<MailFilter, 'limit' | 'beforeId'>) {
  return boundedCount(db, mailCountQuery(db, f))
}

/** The outbox's first and last ids, where a text search's windows end; null when it is empty. */
export function mailIdRange(db: Db): { min: number; max: number } | null {
  const min = db.select({ id: sql<number | null>`min(${mailOutbox.id})` }).from(mailOutbox).get()?.id
  const max = db.select({ id: sql<number | null>`max(${mailOutbox.id})` }).from(mailOutbox).get()?.id
  return min != null && max != null ? { min, max } : null
}

/** One mail with its body, and the office of its application (null when it concerns none). */
export function findMail(db: Db, id: number): (MailDetail & { officeCode: string | null }) | null {
  const row = db
    .select({ ...summaryColumns, text: mailOutbox.bodyText, officeCode: applications.officeCode })
    .from(mailOutbox)
    .leftJoin(applications, eq(applications.id, mailOutbox.applicationId))
    .where(eq(mailOutbox.id, id))
    .get()
  return row ?? null
}

/** Puts a failed mail back in the queue, due now, with a fresh count of attempts; false if it is not failed. */
export function requeueFailedMail(db: Db, id: number, nowIso: string): boolean {
  return (
    db
      .update(mailOutbox)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: nowIso, lastError: null })
      .where(and(eq(mailOutbox.id, id), eq(mailOutbox.status, 'failed')))
      .run().changes === 1
  )
}
