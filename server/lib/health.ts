import { sql } from 'drizzle-orm'
import type { Db } from '../../db/client'

/**
 * Whether the database answers: what the reverse proxy and a supervisor ask each replica at /api/health. A
 * replica that has lost its database says so (503) instead of taking requests it would fail; PostgreSQL's
 * connection is made again at the next statement, so the same question answers 200 once it is back.
 */
export function databaseAnswers(db: Db): boolean {
  try {
    return db.get<{ ok: number }>(sql`select 1 as ok`)?.ok === 1
  } catch {
    return false
  }
}
