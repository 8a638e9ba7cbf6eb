import { sql } from 'drizzle-orm'
import type { Db } from '../../db/client'

/**
 * Lists' queries prepared once per shape of filter (decision 0021). Drizzle turning a list's query into SQL
 * text costs about as much as SQLite running it; the text depends only on which filters are given (and the
 * order), never on their values, which travel as parameters. So a filter is split into its shape and its
 * values: every string or number becomes a placeholder named by its path, and the query is built from that
 * filter and prepared the first time its shape is seen.
 *
 * What a query builder given such a filter must keep to (else a prepared query would serve other values
 * wrongly): it may branch on whether a value is present, on booleans, on the `structural` fields (an order, a
 * sort key) and on arrays' lengths, and pass values into conditions; it must not compare, compute with or look
 * up a value. Whatever needs that is worked out before shaping (each repo's `resolve…`).
 */
export interface Shaped<F> {
  /** the filter with placeholders for its values: for the builder only */
  filter: F
  /** presence, structural fields and array lengths: equal for filters whose queries are the same text */
  key: string
  values: Record<string, unknown>
}

export function shapeOf<F extends object>(filter: F, structural: readonly string[] = []): Shaped<F> {
  const values: Record<string, unknown> = {}
  const parts: string[] = []
  const walk = (value: unknown, path: string, name: string): unknown => {
    if (value === undefined) return value
    if (value === null || typeof value === 'boolean' || structural.includes(path)) {
      parts.push(`${name}=${String(value)}`)
      return value
    }
    if (typeof value === 'string' || typeof value === 'number') {
      parts.push(`${name}?`)
      values[path] = value
      return sql.placeholder(path)
    }
    if (Array.isArray(value)) {
      parts.push(`${name}[${value.length}`)
      const out = value.map((v, i) => walk(v, `${path}.${i}`, ''))
      parts.push(']')
      return out
    }
    if (Object.getPrototypeOf(value) === Object.prototype) {
      parts.push(`${name}{`)
      const out = Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, walk(v, path ? `${path}.${k}` : k, k)]))
      parts.push('}')
      return out
    }
    throw new TypeError(`shapeOf: ${path} is neither a value, an array nor a plain object`)
  }
  const shaped = walk(filter, '', '') as F
  return { filter: shaped, key: parts.join(','), values }
}

/** At most this many prepared queries per database; the least recently used go first (shapes are few in practice). */
const MAX_PREPARED = 500
const preparedByDb = new WeakMap<Db, Map<string, unknown>>()

/**
 * The query `name` prepared for `key` on `db`, built by `build` the first time. Kept per database: a prepared
 * query holds its connection's statement (better-sqlite3's, or the PostgreSQL bridge's, which keeps only the text).
 */
export function preparedOnce<P>(db: Db, name: string, key: string, build: () => P): P {
  let prepared = preparedByDb.get(db)
  if (!prepared) preparedByDb.set(db, (prepared = new Map()))
  const id = `${name}:${key}`
  let query = prepared.get(id) as P | undefined
  if (query === undefined) {
    query = build()
    if (prepared.size >= MAX_PREPARED) prepared.delete(prepared.keys().next().value!)
  } else prepared.delete(id)
  prepared.set(id, query)
  return query
}
