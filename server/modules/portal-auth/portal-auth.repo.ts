import { eq, sql } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { portalAccounts, portalCards } from '../../../db/schema'

export interface PortalLoginCandidate {
  id: number
  accountId: string
  passwordHash: string | null
  status: 'active' | 'disabled'
  lockedUntil: string | null
}

const candidateColumns = { id: portalAccounts.id, accountId: portalAccounts.accountId, passwordHash: portalAccounts.passwordHash, status: portalAccounts.status, lockedUntil: portalAccounts.lockedUntil }

export function findPortalCandidate(db: Db, accountId: string): PortalLoginCandidate | null {
  return db.select(candidateColumns).from(portalAccounts).where(eq(portalAccounts.accountId, accountId)).get() ?? null
}

/** The account a card signs in to: the one it was bound to at registration or with a binding code. */
export function findAccountByCard(db: Db, fingerprint: string): PortalLoginCandidate | null {
  return db.select(candidateColumns).from(portalCards).innerJoin(portalAccounts, eq(portalAccounts.id, portalCards.accountRef)).where(eq(portalCards.fingerprint, fingerprint)).get() ?? null
}

export function countPortalFailure(db: Db, id: number): number {
  return db
    .update(portalAccounts)
    .set({ failedAttempts: sql`${portalAccounts.failedAttempts} + 1` })
    .where(eq(portalAccounts.id, id))
    .returning({ n: portalAccounts.failedAttempts })
    .get()!.n
}

export function lockPortalAccount(db: Db, id: number, until: string): void {
  db.update(portalAccounts).set({ lockedUntil: until }).where(eq(portalAccounts.id, id)).run()
}

export function markPortalSignedIn(db: Db, id: number, at: string): void {
  db.update(portalAccounts).set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: at }).where(eq(portalAccounts.id, id)).run()
}

export function setPortalPassword(db: Db, id: number, hash: string, at: string): void {
  db.update(portalAccounts)
    .set({ passwordHash: hash, mustChangePassword: false, updatedAt: at, version: sql`${portalAccounts.version} + 1` })
    .where(eq(portalAccounts.id, id))
    .run()
}
