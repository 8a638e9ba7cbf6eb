import { and, eq, lt, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { rateLimits } from '../../db/schema'

export interface RateDecision {
  allowed: boolean
  retryAfterSeconds: number
}

/**
 * Counts one hit for `key` in the current fixed window and says whether it is within `limit`.
 * Kept in the database so that several API processes share one count.
 */
export function hitRateLimit(db: Db, key: string, limit: number, windowSeconds: number, now: Date): RateDecision {
  const nowS = Math.floor(now.getTime() / 1000)
  const windowStart = nowS - (nowS % windowSeconds)
  const row = db
    .insert(rateLimits)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({ target: [rateLimits.key, rateLimits.windowStart], set: { count: sql`${rateLimits.count} + 1` } })
    .returning({ count: rateLimits.count })
    .get()
  // Old windows are only noise; clear them now and then rather than with a separate job.
  if (row.count === 1) db.delete(rateLimits).where(and(eq(rateLimits.key, key), lt(rateLimits.windowStart, windowStart))).run()
  return { allowed: row.count <= limit, retryAfterSeconds: windowStart + windowSeconds - nowS }
}
