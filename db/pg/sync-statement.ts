import type { PgSyncClient } from './sync-client'

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

  /** All rows are read first: the connection serves one statement at a time, and an open cursor would hold it. */
  iterate(...params: unknown[]): IterableIterator<unknown> {
    return this.all(...params)[Symbol.iterator]()
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
