import { and, asc, eq, lte, sql } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { mailOutbox } from '../../../db/schema'

/** The outbox rows as the dispatcher sees them. All functions are synchronous and take a db or a transaction. */
export type OutboxRow = typeof mailOutbox.$inferSelect

export function insertOutboxRow(db: Db, row: typeof mailOutbox.$inferInsert): number {
  return db.insert(mailOutbox).values(row).returning({ id: mailOutbox.id }).get().id
}

/** Pending rows whose time has come, oldest due first (the (status, next_attempt_at) index serves this). */
export function dueRows(db: Db, nowIso: string, limit: number): OutboxRow[] {
  return db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.status, 'pending'), lte(mailOutbox.nextAttemptAt, nowIso)))
    .orderBy(asc(mailOutbox.nextAttemptAt), asc(mailOutbox.id))
    .limit(limit)
    .all()
}

/**
 * Claims a row for sending by moving its next_attempt_at to the end of a lease, but only if it still holds the
 * value the claimer read: of two dispatchers that read the same row, exactly one UPDATE matches. The lease
 * value then serves as the claim's token for the result below; an expired lease makes the row due again
 * (a dispatcher that died mid-send), at the price of a possible second delivery.
 */
export function claimRow(db: Db, id: number, seenNextAttemptAt: string, leaseUntil: string): boolean {
  return (
    db
      .update(mailOutbox)
      .set({ nextAttemptAt: leaseUntil })
      .where(and(eq(mailOutbox.id, id), eq(mailOutbox.status, 'pending'), eq(mailOutbox.nextAttemptAt, seenNextAttemptAt)))
      .run().changes === 1
  )
}

const stillClaimed = (id: number, lease: string) => and(eq(mailOutbox.id, id), eq(mailOutbox.status, 'pending'), eq(mailOutbox.nextAttemptAt, lease))

/** Sent: the body kept from now on is `keptBody` (secrets masked). False if the claim had been lost. */
export function markSent(db: Db, id: number, lease: string, v: { nowIso: string; keptBody: string }): boolean {
  return (
    db
      .update(mailOutbox)
      .set({ status: 'sent', sentAt: v.nowIso, attempts: sql`${mailOutbox.attempts} + 1`, lastError: null, nextAttemptAt: v.nowIso, bodyText: v.keptBody })
      .where(stillClaimed(id, lease))
      .run().changes === 1
  )
}

/** A failed attempt: tried again at `retryAt`, or, with retryAt null, failed for good. */
export function markAttemptFailed(db: Db, id: number, lease: string, v: { nowIso: string; error: string; retryAt: string | null }): boolean {
  return (
    db
      .update(mailOutbox)
      .set({
        attempts: sql`${mailOutbox.attempts} + 1`,
        lastError: v.error,
        status: v.retryAt ? 'pending' : 'failed',
        nextAttemptAt: v.retryAt ?? v.nowIso,
      })
      .where(stillClaimed(id, lease))
      .run().changes === 1
  )
}
