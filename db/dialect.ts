import { sql, type SQL, type SQLWrapper } from 'drizzle-orm'
import type { Db, Dialect } from './client'
import { PgSyncClient } from './pg/sync-client'

/**
 * The SQL that means different things in SQLite and PostgreSQL, chosen by the database a query runs on, so
 * the repos stay one synchronous domain layer (docs/decisions/0017) with no if/else per dialect. What only
 * needs rewriting (placeholders, LIKE, SQLite's planner hints) is db/pg/translate.ts's business instead.
 */
export function dialectOf(db: Db): Dialect {
  // a drizzle database and its transactions share one session, whose client is the connection
  const client = (db as unknown as { session: { client: unknown } }).session.client
  return client instanceof PgSyncClient ? 'postgres' : 'sqlite'
}

export interface DialectSql {
  /** `column` starts with `prefix`, case-sensitively, as a range of the column's index */
  startsWith(column: SQLWrapper, prefix: string): SQL
  /** the sum of a group, 0 (not null) when it has no rows */
  total(value: SQLWrapper): SQL<number>
  /** how many rows of a group meet `condition` */
  countWhere(condition: SQL): SQL<number>
  /** the days from one ISO instant to another, summed over a group (0 when none) */
  totalDaysBetween(from: SQLWrapper, to: SQLWrapper): SQL<number>
  /** the Monday (YYYY-MM-DD) of the Taipei week of an ISO instant */
  taipeiWeek(instant: SQLWrapper): SQL<string>
  /** the Taipei month (YYYY-MM) of an ISO instant */
  taipeiMonth(instant: SQLWrapper): SQL<string>
  /** the month (YYYY-MM) of the day after a date (YYYY-MM-DD) */
  monthOfNextDay(date: SQLWrapper): SQL<string>
  /** the day before a date (YYYY-MM-DD), as YYYY-MM-DD */
  dayBefore(date: SQLWrapper | string): SQL<string>
}

/** GLOB's wildcards taken literally, then `*`: GLOB is case-sensitive, so the BINARY index serves the prefix. */
const globPrefix = (text: string) => `${text.replace(/[*?[\]]/g, (ch) => `[${ch}]`)}*`
/** LIKE's wildcards escaped (backslash, PostgreSQL's default escape), then `%` */
const likePrefix = (text: string) => `${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`

const sqlite: DialectSql = {
  startsWith: (column, prefix) => sql`${column} glob ${globPrefix(prefix)}`,
  total: (value) => sql<number>`total(${value})`,
  countWhere: (condition) => sql<number>`total(${condition})`,
  totalDaysBetween: (from, to) => sql<number>`total(julianday(${to}) - julianday(${from}))`,
  // shift to Taipei, back 6 days, on to the next Monday
  taipeiWeek: (instant) => sql<string>`date(${instant}, '+8 hours', '-6 days', 'weekday 1')`,
  taipeiMonth: (instant) => sql<string>`strftime('%Y-%m', ${instant}, '+8 hours')`,
  monthOfNextDay: (date) => sql<string>`strftime('%Y-%m', ${date}, '+1 day')`,
  dayBefore: (date) => sql<string>`date(${date}, '-1 day')`,
}

/** An ISO instant as Taipei's wall clock (UTC+8, no daylight saving), whatever the session's time zone. */
const taipei = (instant: SQLWrapper) => sql`((${instant})::timestamptz at time zone 'UTC' + interval '8 hours')`

const postgres: DialectSql = {
  // `~~` is LIKE, case-sensitive: written as the operator so that the translation's LIKE → ILIKE leaves it; under
  // collation C the b-tree serves the prefix
  startsWith: (column, prefix) => sql`${column} ~~ ${likePrefix(prefix)}`,
  total: (value) => sql<number>`coalesce(sum(${value}), 0)`,
  countWhere: (condition) => sql<number>`count(*) filter (where ${condition})`,
  totalDaysBetween: (from, to) => sql<number>`coalesce(sum(extract(epoch from (${to})::timestamptz - (${from})::timestamptz) / 86400), 0)`,
  taipeiWeek: (instant) => sql<string>`to_char(date_trunc('week', ${taipei(instant)}), 'YYYY-MM-DD')`,
  taipeiMonth: (instant) => sql<string>`to_char(${taipei(instant)}, 'YYYY-MM')`,
  monthOfNextDay: (date) => sql<string>`to_char((${date})::date + 1, 'YYYY-MM')`,
  dayBefore: (date) => sql<string>`to_char((${date})::date - 1, 'YYYY-MM-DD')`,
}

export function dialectSql(db: Db): DialectSql {
  return dialectOf(db) === 'postgres' ? postgres : sqlite
}
