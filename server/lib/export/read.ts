import Database from 'better-sqlite3'
import { Column } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { dialectOf } from '../../../db/dialect'

/**
 * The connection an export reads on. While a better-sqlite3 `.iterate()` is open its connection refuses every
 * write ("This database connection is busy"), and an export stays open as long as a slow client takes to
 * download it; on the app's own connection that would stop every sign-in, audit row and decision meanwhile.
 * So a file database gets a second, read-only connection per export: in WAL mode it reads one consistent
 * snapshot and never blocks the writer. An in-memory database (tests) cannot be opened twice and is read on
 * its own connection.
 */
export interface ExportReader {
  sqlite: Database.Database
  close(): void
}

export function openExportReader(db: Db): ExportReader {
  const main = (db as unknown as { $client?: Database.Database }).$client
  if (!main) throw new Error('openExportReader needs the drizzle instance of openDatabase(), not a transaction')
  // PostgreSQL: a connection of the export's own too, where iterate() reads through a cursor in a read-only
  // snapshot (db/pg/sync-statement.ts); on the app's connection every request would run inside that transaction
  if (dialectOf(db) === 'postgres') {
    const own = (main as unknown as { another(): Database.Database }).another()
    return { sqlite: own, close: () => own.close() }
  }
  if (main.memory) return { sqlite: main, close: () => {} }
  const sqlite = new Database(main.name, { readonly: true, fileMustExist: true })
  sqlite.pragma('busy_timeout = 5000')
  // one pass over the rows gains nothing from better-sqlite3's 16 MB page cache; 2 MB keeps the export's memory flat
  sqlite.pragma('cache_size = -2000')
  return { sqlite, close: () => sqlite.close() }
}

/** Rows one at a time, each valid until the next is asked for; `close` ends the statement early (the client went away). */
export interface RowSource<Row> {
  next(): Row | undefined
  close(): void
}

interface SelectQuery<Row> {
  toSQL(): { sql: string; params: unknown[] }
  _: { selectedFields: object }
  all(): Row[]
}

type Decoder = (value: unknown) => unknown

/**
 * Runs a drizzle select (the one a list builds, without its limit) on the reader with better-sqlite3's
 * `.iterate()`, which drizzle does not offer, and maps each raw row as drizzle would: by position, through
 * each column's decoder (booleans, enums). Selections of plain columns only; the lists select nothing else.
 */
export function iterateSelect<Row>(reader: ExportReader, query: SelectQuery<Row>): RowSource<Row> {
  const fields = Object.entries(query._.selectedFields as Record<string, unknown>)
  const keys = fields.map(([key]) => key)
  // most columns store what they show; only those that map (booleans, enums in integer mode) pay for a call
  const decoders: (Decoder | null)[] = fields.map(([, field]) => (field instanceof Column && field.mapFromDriverValue !== Column.prototype.mapFromDriverValue ? (v) => field.mapFromDriverValue(v) : null))
  const { sql, params } = query.toSQL()
  const rows = reader.sqlite.prepare(sql).raw(true).iterate(...params) as IterableIterator<unknown[]>
  // One object for every row, refilled: a row is read before the next is asked for, and a million objects
  // made and dropped were a third of an export's garbage.
  const out: Record<string, unknown> = {}
  return {
    next() {
      const step = rows.next()
      if (step.done) return undefined
      const raw = step.value
      for (let i = 0; i < keys.length; i++) {
        const decode = decoders[i]
        out[keys[i]!] = decode && raw[i] !== null ? decode(raw[i]) : raw[i]
      }
      return out as Row
    },
    close: () => void rows.return?.(),
  }
}

/** Maps each row of a source (a list's row into what its page shows). */
export function mapRows<A, B>(source: RowSource<A>, map: (row: A) => B): RowSource<B> {
  return {
    next() {
      const row = source.next()
      return row === undefined ? undefined : map(row)
    },
    close: () => source.close(),
  }
}
