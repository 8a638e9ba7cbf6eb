import { sql, type SQL, type SQLWrapper, type Subquery } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import { COUNT_CAP, type ListTotal } from '../../core/contracts/paging'
import { AppError } from '../../core/errors'
import type { Db } from '../../db/client'

/**
 * Keyset paging (decision 0016): a page starts after the last row shown, named by its sort key and a unique
 * tiebreak (the id), so page 1,000 costs what page 1 does; the cursor is that pair, opaque to the client.
 */
export interface Keyset<K extends string | number = string, I extends string | number = number> {
  key: K
  id: I
}

const invalidCursor = () => new AppError('VALIDATION_FAILED', { fieldErrors: { cursor: 'cursorInvalid' } })

/** The cursor of a list ordered by (key, id): base64url JSON `[key, id]`. */
export function encodeCursor(key: string | number, id: string | number): string {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url')
}

/** Reads a cursor of encodeCursor; a cursor of another shape is the field error `cursorInvalid`. */
export function decodeCursor<I extends 'string' | 'number' = 'number'>(cursor: string | undefined, idType?: I): Keyset<string, I extends 'string' ? string : number> | undefined {
  if (!cursor) return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw invalidCursor()
  }
  const [key, id] = Array.isArray(parsed) && parsed.length === 2 ? parsed : []
  const idOk = (idType ?? 'number') === 'number' ? Number.isSafeInteger(id) : typeof id === 'string'
  if (typeof key !== 'string' || !idOk) throw invalidCursor()
  return { key, id } as Keyset<string, I extends 'string' ? string : number>
}

/** The cursor of a list ordered by id alone: the id, in digits. */
export function decodeIdCursor(cursor: string | undefined): number | undefined {
  if (!cursor) return undefined
  const id = Number(cursor)
  if (!/^\d+$/.test(cursor) || !Number.isSafeInteger(id) || id <= 0) throw invalidCursor()
  return id
}

/** Takes a page from `limit + 1` rows: the extra row only says that there is a next page. */
export function pageOf<T>(rows: T[], limit: number, cursorOf: (last: T) => string): { items: T[]; nextCursor: string | null } {
  const more = rows.length > limit
  const items = more ? rows.slice(0, limit) : rows
  return { items, nextCursor: more ? cursorOf(items[items.length - 1]!) : null }
}

/**
 * The rows after a keyset position in a list ordered by (key, id). The range on the key alone (`key >= k`) is
 * what lets SQLite seek its index, an expression index too (a row value `(key, id) > (k, i)` seeks a plain
 * column's index but not an expression's); the rest skips the ties already shown.
 */
export function keysetAfter(key: SQL | SQLiteColumn, id: SQLiteColumn, order: 'asc' | 'desc', after: Keyset<string | number, string | number> | undefined): SQL | undefined {
  if (!after) return undefined
  return order === 'asc'
    ? sql`(${key} >= ${after.key} and (${key} > ${after.key} or ${id} > ${after.id}))`
    : sql`(${key} <= ${after.key} and (${key} < ${after.key} or ${id} < ${after.id}))`
}

/**
 * How many rows a list's filters select, counting no further than COUNT_CAP + 1: a first page's `total`.
 * `rows` is the list's select without its order or limit, so that SQLite counts from whichever index is cheapest.
 */
export function boundedCount(db: Db, rows: CountableRows): ListTotal {
  return toTotal(boundedCountQuery(db, rows).get()?.n ?? 0)
}

/** What boundedCount takes: a select whose page it counts. */
export interface CountableRows {
  limit(limit: number): { as(alias: string): Subquery }
}

/** The bounded count's query, for boundedCount and for a list that prepares its queries (lib/prepared.ts). */
export function boundedCountQuery(db: Db, rows: CountableRows) {
  // `from (select … limit 10001) counted`: PostgreSQL (before 16) needs the subquery's alias
  return db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(rows.limit(COUNT_CAP + 1).as('counted'))
}

export function toTotal(n: number): ListTotal {
  return n > COUNT_CAP ? { count: COUNT_CAP, capped: true } : { count: n, capped: false }
}

/** How many ids of a log a text search examines per page (decision 0016): a bounded scan, not the whole log. */
export const SEARCH_WINDOW = 100_000

/**
 * The window of ids a page of a text search over an id-ordered log examines: the SEARCH_WINDOW ids below the
 * cursor (or below the newest), no lower than the first id the other filters allow.
 */
export function searchWindow(beforeId: number | undefined, ids: { min: number; max: number }): { fromId: number; beforeId: number } {
  const below = Math.min(beforeId ?? Number.MAX_SAFE_INTEGER, ids.max + 1)
  return { fromId: Math.max(ids.min, below - SEARCH_WINDOW), beforeId: below }
}

/**
 * A page of a windowed text search: a full page continues after its last row; a short one, when older ids
 * remain, continues below the window it examined (`partial`: the search goes on, further back).
 */
export function windowedPage<T extends { id: number }>(rows: T[], limit: number, window: { fromId: number }, firstId: number): { items: T[]; nextCursor: string | null; partial?: true } {
  if (rows.length > limit) return pageOf(rows, limit, (last) => String(last.id))
  return window.fromId > firstId ? { items: rows, nextCursor: String(window.fromId), partial: true } : { items: rows, nextCursor: null }
}

/**
 * Past this many matches a search's rows cost more to sort than a walk of the list's order costs to find a page
 * among them: about √(page × rows) at a page of 50 and a few hundred thousand rows (decision 0016).
 */
export const SORT_LIMIT = 4096

/** Whether `rows` (a select of the matches, unordered) holds SORT_LIMIT rows or more: counted no further. */
export function manyRows(db: Db, rows: { limit(limit: number): SQLWrapper }): boolean {
  return (db.get<{ n: number }>(sql`select count(*) as n from ${rows.limit(SORT_LIMIT)} as counted`)?.n ?? 0) >= SORT_LIMIT
}
