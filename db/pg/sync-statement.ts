import type { PgSyncClient } from './sync-client'
import { columnName, toPgStatement } from './translate'

/** rows per FETCH of an iterate(): few round trips, and a thousand rows at a time in memory */
const FETCH_ROWS = 1_000
let cursors = 0

/** What better-sqlite3's `run` returns. */
export interface PgRunResult {
  changes: number
  readonly lastInsertRowid: number
}

/**
 * better-sqlite3's Statement over PostgreSQL: run/get/all/iterate, and raw()/pluck() which, as there, change the
 * statement itself and return it. Nothing is prepared on the server: the text is sent with each call (drizzle
 * prepares a statement per query anyway, and a named server-side statement would pin a generic plan).
 */
export class PgStatement {
  readonly reader: boolean
  private rawMode = false
  private pluckMode = false

  constructor(
    private readonly client: PgSyncClient,
    readonly source: string,
  ) {
    this.reader = /^\s*(select|with|values|explain|show)\b/i.test(source) || /\breturning\b/i.test(source)
  }

  raw(on = true): this {
    this.rawMode = on
    if (on) this.pluckMode = false
    return this
  }

  pluck(on = true): this {
    this.pluckMode = on
    if (on) this.rawMode = false
    return this
  }

  run(...params: unknown[]): PgRunResult {
    const client = this.client
    const answer = client.query(this.source, flatten(params), true)
    const asked = client.statements
    let id: number | undefined
    return {
      changes: answer.rowCount,
      // PostgreSQL has no last rowid; lastval() is the id the fill-id trigger last drew from a sequence in this
      // session, which is this insert's when nothing ran since: asked for only when read, it costs a round trip
      get lastInsertRowid(): number {
        if (id !== undefined) return id
        if (client.statements !== asked) throw new Error('lastInsertRowid read after another statement ran: use .returning() for the new id')
        return (id = client.prepare('select lastval()').pluck().get() as number)
      },
    }
  }

  all(...params: unknown[]): unknown[] {
    const answer = this.client.query(this.source, flatten(params), this.rawMode || this.pluckMode)
    return this.pluckMode ? answer.rows.map((r) => (r as unknown[])[0]) : answer.rows
  }

  get(...params: unknown[]): unknown {
    return this.all(...params)[0]
  }

  /**
   * Rows through a cursor, a thousand per round trip, so that an export of a million rows never holds them all.
   * A cursor lives in a transaction: outside one, a read-only REPEATABLE READ transaction is begun (one snapshot,
   * as SQLite's WAL reader sees) and ended after the last row or at return(). Whatever else runs on this
   * connection meanwhile runs inside it: exports read on a connection of their own (server/lib/export/read.ts).
   */
  iterate(...params: unknown[]): IterableIterator<unknown> {
    return this.cursor(flatten(params))
  }

  private *cursor(params: unknown[]): Generator<unknown> {
    const client = this.client
    const own = !client.inTransaction
    const name = `rows_${++cursors}`
    const declare = `declare ${name} no scroll cursor for ${this.source}`
    if (own) {
      client.query('begin isolation level repeatable read read only', [], true, 'begin')
      // what else runs on this connection meanwhile joins the transaction rather than beginning another
      client.inTransaction = true
    }
    try {
      client.query(declare, params, true)
      const statement = toPgStatement(declare)
      for (;;) {
        const answer = client.query(`fetch ${FETCH_ROWS} from ${name}`, [], true)
        const fields = answer.fields.map((f) => columnName(statement, f))
        for (const row of answer.rows as unknown[][]) {
          if (this.pluckMode) yield row[0]
          else if (this.rawMode) yield row
          else yield Object.fromEntries(fields.map((f, i) => [f, row[i]]))
        }
        if (answer.rows.length < FETCH_ROWS) return
      }
    } finally {
      try {
        client.query(own ? 'commit' : `close ${name}`, [], true, own ? 'end' : 'query')
      } catch {
        // a read-only transaction: nothing is lost if it ends otherwise (the connection dropped)
      } finally {
        if (own) client.inTransaction = false
      }
    }
  }
}

/** better-sqlite3 takes parameters spread or as one array; named parameters (an object) are not used here. */
function flatten(params: unknown[]): unknown[] {
  if (params.length === 1 && Array.isArray(params[0])) return params[0]
  for (const p of params) {
    if (typeof p === 'boolean') throw new TypeError('SQLite3 can only bind numbers, strings, bigints, buffers, and null')
  }
  return params
}
