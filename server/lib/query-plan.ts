import type Database from 'better-sqlite3'
import { fillPlaceholders } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import type { Db } from '../../db/client'
import * as schema from '../../db/schema'

/**
 * For the lists' plan tests (decision 0016): what SQLite will do with a list's query. The database has no
 * statistics (nothing runs ANALYZE), so the planner chooses as it will at a million rows, and an empty
 * database's plan is the plan.
 */
export interface Explainable {
  toSQL(): { sql: string; params: unknown[] }
}

/** The lines of EXPLAIN QUERY PLAN, as SQLite prints them. */
export function queryPlan(sqlite: Database.Database, query: Explainable): string[] {
  const { sql, params } = query.toSQL()
  return (sqlite.prepare(`explain query plan ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail)
}

/**
 * The plan of every query `run` makes, for functions that run their queries rather than return them: run on
 * a second Drizzle instance over the same connection, whose logger keeps each query and its parameters.
 */
export function plansOf(sqlite: Database.Database, run: (db: Db) => unknown): { sql: string; plan: string[] }[] {
  const seen: { sql: string; params: unknown[] }[] = []
  const db = drizzle(sqlite, { schema, logger: { logQuery: (sql, params) => seen.push({ sql, params }) } })
  run(db as unknown as Db)
  return seen.map(({ sql, params }) => ({ sql, plan: queryPlan(sqlite, { toSQL: () => ({ sql, params }) }) }))
}

export interface PlanRules {
  /** the list's order must come from an index: a sort (a temp b-tree for ORDER BY) is a failure */
  ordered: boolean
  /**
   * Tables a plan may scan, each with the reason the scan stays short: the table's rowid order is the list's
   * order (the scan is the keyset walk, stopped by LIMIT), or it is a small table by nature.
   */
  scans?: Record<string, string>
}

/** What is wrong with a plan for a list at a million rows: a table read without an index, or a sort. */
export function planProblems(plan: string[], rules: PlanRules): string[] {
  const problems: string[] = []
  for (const line of plan) {
    const scan = /^SCAN (\S+)(.*)$/.exec(line)
    // SCAN CONSTANT ROW is a SELECT without FROM (an exists(…) test), not a table
    if (scan && line !== 'SCAN CONSTANT ROW' && !scan[1]!.startsWith('(') && !/USING (COVERING )?INDEX|VIRTUAL TABLE/.test(scan[2]!) && !rules.scans?.[scan[1]!]) problems.push(`${line} (a table scan no index serves)`)
    if (rules.ordered && /TEMP B-TREE FOR .*ORDER BY/.test(line)) problems.push(`${line} (the order is not an index's)`)
  }
  return problems
}

/**
 * A query built from a shaped filter (lib/prepared.ts) with its placeholders filled: what it runs. The plan
 * tests compare it with the query built from the values themselves, which is the one whose plan they prove.
 */
export function filledQuery(query: Explainable, values: Record<string, unknown>): { sql: string; params: unknown[] } {
  const { sql, params } = query.toSQL()
  return { sql, params: fillPlaceholders(params, values) }
}
