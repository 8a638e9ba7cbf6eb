import { and, eq, isNull, lt } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { loginChallenges } from '../../../db/schema'

export function insertChallenge(db: Db, row: { nonce: string; audience: string; issuedAt: string }): void {
  db.insert(loginChallenges).values(row).run()
}

/** Marks a challenge answered; false when it is unknown or was answered before (a replay). */
export function consumeChallenge(db: Db, nonce: string, at: string): typeof loginChallenges.$inferSelect | null {
  return db.update(loginChallenges).set({ usedAt: at }).where(and(eq(loginChallenges.nonce, nonce), isNull(loginChallenges.usedAt))).returning().get() ?? null
}

export function pruneChallenges(db: Db, issuedBefore: string): void {
  db.delete(loginChallenges).where(lt(loginChallenges.issuedAt, issuedBefore)).run()
}
