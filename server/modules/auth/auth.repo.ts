import { eq, sql } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { staff } from '../../../db/schema'

export interface LoginCandidate {
  id: number
  passwordHash: string
  status: 'active' | 'disabled'
  failedAttempts: number
  lockedUntil: string | null
}

export function findLoginCandidate(db: Db, username: string): LoginCandidate | null {
  return (
    db
      .select({ id: staff.id, passwordHash: staff.passwordHash, status: staff.status, failedAttempts: staff.failedAttempts, lockedUntil: staff.lockedUntil })
      .from(staff)
      .where(eq(staff.username, username))
      .get() ?? null
  )
}

export function findPasswordHash(db: Db, staffId: number): string | null {
  return db.select({ passwordHash: staff.passwordHash }).from(staff).where(eq(staff.id, staffId)).get()?.passwordHash ?? null
}

/** Counts a failed sign-in atomically and returns the new count. */
export function countFailedAttempt(db: Db, staffId: number): number {
  const row = db
    .update(staff)
    .set({ failedAttempts: sql`${staff.failedAttempts} + 1` })
    .where(eq(staff.id, staffId))
    .returning({ failedAttempts: staff.failedAttempts })
    .get()
  return row?.failedAttempts ?? 0
}

export function lockAccount(db: Db, staffId: number, until: string): void {
  db.update(staff).set({ lockedUntil: until }).where(eq(staff.id, staffId)).run()
}

export function markSignedIn(db: Db, staffId: number, now: string): void {
  db.update(staff).set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: now }).where(eq(staff.id, staffId)).run()
}

export function setOwnPassword(db: Db, staffId: number, passwordHash: string, now: string): void {
  db.update(staff)
    .set({ passwordHash, mustChangePassword: false, updatedAt: now, version: sql`${staff.version} + 1` })
    .where(eq(staff.id, staffId))
    .run()
}
