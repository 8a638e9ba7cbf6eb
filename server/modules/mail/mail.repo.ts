import { and, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm'
import type { MailDetail, MailStatus, MailSummary } from '../../../core/contracts/mail'
import type { Db } from '../../../db/client'
import { applications, mailOutbox } from '../../../db/schema'
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
  beforeId?: number
  limit: number
  /** an office admin sees only the mails of their office's applications */
  scope: string | null
}

/** Mails about applications of one office. */
const ofOffice = (office: string) => inArray(mailOutbox.applicationId, sql`(select ${applications.id} from ${applications} where ${applications.officeCode} = ${office})`)

/** Newest first, keyset-paged by id. */
export function listMail(db: Db, f: MailFilter): MailSummary[] {
  const where: SQL[] = []
  if (f.scope) where.push(ofOffice(f.scope))
  if (f.status) where.push(eq(mailOutbox.status, f.status))
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
  return db
    .select(summaryColumns)
    .from(mailOutbox)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(mailOutbox.id))
    .limit(f.limit)
    .all()
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
