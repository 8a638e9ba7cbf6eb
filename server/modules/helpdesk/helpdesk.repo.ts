import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm'
import type { EmailChangeInfo } from '../../../core/contracts/helpdesk'
import type { Db } from '../../../db/client'
import { dialectSql } from '../../../db/dialect'
import { emailChanges, passwordResets, portalAccounts, portalCards, staff } from '../../../db/schema'
import { boundedCount } from '../../lib/paging'

export type AccountRow = typeof portalAccounts.$inferSelect

export function findAccount(db: Db, id: number): AccountRow | null {
  return db.select().from(portalAccounts).where(eq(portalAccounts.id, id)).get() ?? null
}

/**
 * By account id, ID number, UBN or e-mail; exact matches, and prefix matches of the account id: each an index
 * (an individual's ID number through the partial index that holds them), the 50 first by account id.
 */
export function accountsMatchingQuery(db: Db, q: string) {
  const upper = q.toUpperCase()
  return db
    .select()
    .from(portalAccounts)
    .where(
      or(
        // case-sensitive, unlike LIKE, so the account id's index serves the prefix
        dialectSql(db).startsWith(portalAccounts.accountId, q.toLowerCase()),
        and(eq(portalAccounts.idNumber, upper), eq(portalAccounts.category, 'individual')),
        eq(portalAccounts.ubn, q),
        eq(portalAccounts.email, q.toLowerCase()),
      ),
    )
    .orderBy(portalAccounts.accountId)
    .limit(50)
}

export const searchAccounts = (db: Db, q: string): AccountRow[] => accountsMatchingQuery(db, q).all()

export function cardsOf(db: Db, accountRef: number) {
  return db.select({ kind: portalCards.kind, serialHex: portalCards.serialHex, notAfter: portalCards.notAfter, boundVia: portalCards.boundVia }).from(portalCards).where(eq(portalCards.accountRef, accountRef)).all()
}

export function updateAccount(db: Db, id: number, set: Partial<typeof portalAccounts.$inferInsert>, at: string): void {
  db.update(portalAccounts).set({ ...set, updatedAt: at, version: sql`${portalAccounts.version} + 1` }).where(eq(portalAccounts.id, id)).run()
}

export function insertReset(db: Db, values: typeof passwordResets.$inferInsert): void {
  db.insert(passwordResets).values(values).run()
}

export function findReset(db: Db, tokenHash: string) {
  return db.select().from(passwordResets).where(eq(passwordResets.tokenHash, tokenHash)).get() ?? null
}

/** Spends a reset token: false when it was spent already (two tabs racing). */
export function spendReset(db: Db, id: number, at: string): boolean {
  return db.update(passwordResets).set({ usedAt: at }).where(and(eq(passwordResets.id, id), isNull(passwordResets.usedAt))).run().changes === 1
}

export function insertEmailChange(db: Db, values: typeof emailChanges.$inferInsert): number {
  return db.insert(emailChanges).values(values).returning({ id: emailChanges.id }).get().id
}

const requester = sql<string>`(select display_name from staff where staff.id = ${emailChanges.requestedBy})`

/** Newest first: the rowid, or (status, id) (decision 0016). */
function emailChangeConditions(f: { status?: EmailChangeInfo['status']; beforeId?: number; id?: number }) {
  return and(f.status ? eq(emailChanges.status, f.status) : undefined, f.beforeId ? lt(emailChanges.id, f.beforeId) : undefined, f.id ? eq(emailChanges.id, f.id) : undefined)
}

export function emailChangesQuery(db: Db, f: { status?: EmailChangeInfo['status']; beforeId?: number; id?: number }) {
  return db
    .select({ id: emailChanges.id, accountId: portalAccounts.accountId, oldEmail: emailChanges.oldEmail, newEmail: emailChanges.newEmail, reason: emailChanges.reason, status: emailChanges.status, requestedBy: requester, requestedAt: emailChanges.requestedAt, decidedBy: staff.displayName, decidedAt: emailChanges.decidedAt, version: emailChanges.version })
    .from(emailChanges)
    .innerJoin(portalAccounts, eq(portalAccounts.id, emailChanges.accountRef))
    .leftJoin(staff, eq(staff.id, emailChanges.decidedBy))
    .where(emailChangeConditions(f))
    .orderBy(desc(emailChanges.id))
}

export function listEmailChanges(db: Db, f: { status?: EmailChangeInfo['status']; beforeId?: number; limit: number }): EmailChangeInfo[] {
  return emailChangesQuery(db, f).limit(f.limit).all()
}

/** One e-mail change as the list shows it. */
export const emailChangeInfo = (db: Db, id: number): EmailChangeInfo | null => emailChangesQuery(db, { id }).get() ?? null

export const emailChangesCountQuery = (db: Db, f: { status?: EmailChangeInfo['status'] }) => db.select({ one: sql`1` }).from(emailChanges).where(emailChangeConditions(f))
export const countEmailChanges = (db: Db, f: { status?: EmailChangeInfo['status'] }) => boundedCount(db, emailChangesCountQuery(db, f))

export function findEmailChange(db: Db, id: number) {
  return db.select().from(emailChanges).where(eq(emailChanges.id, id)).get() ?? null
}

export function decideEmailChange(db: Db, id: number, version: number, set: Partial<typeof emailChanges.$inferInsert>): boolean {
  return db.update(emailChanges).set({ ...set, version: sql`${emailChanges.version} + 1` }).where(and(eq(emailChanges.id, id), eq(emailChanges.version, version), eq(emailChanges.status, 'pending'))).run().changes === 1
}
