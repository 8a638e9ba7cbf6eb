import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads'
import { isRetryable, isUnreachable, PgSyncError, redactUrl, unreachable, type WireError } from './errors'
import { PgStatement } from './sync-statement'
import { columnName, toPgStatement } from './translate'

export interface PgSyncOptions {
  /** drizzle's PostgreSQL migrations, applied by the worker before the first query */
  migrationsFolder?: string
  /** longest wait for one statement's answer; the server cancels it too */
  queryTimeoutMs?: number
  /** longest wait for a connection */
  connectTimeoutMs?: number
  /** longest wait for the start: connecting and migrating */
  startTimeoutMs?: number
  /** runs of a transaction that keeps meeting serialization failures, before the failure is thrown */
  maxAttempts?: number
}

export interface QueryAnswer {
  rows: unknown[]
  fields: string[]
  rowCount: number
}

interface Answer extends Partial<QueryAnswer> {
  id: number
  error?: WireError
}

/**
 * A synchronous PostgreSQL connection shaped like better-sqlite3's Database: the subset drizzle's better-sqlite3
 * session calls (prepare, transaction) and the few calls our code and tests make on `database.sqlite`. So
 * `drizzle(client)` from 'drizzle-orm/better-sqlite3' runs the unchanged synchronous domain layer on PostgreSQL
 * (docs/decisions/0017). One statement is in flight at a time: the thread waits for each answer.
 */
export class PgSyncClient {
  readonly name: string
  readonly memory = false
  readonly readonly = false
  open = true
  inTransaction = false
  private readonly worker: Worker
  private readonly port: MessagePort
  private readonly signal: Int32Array
  private seq = 0
  /** statements run so far: lets a result know whether it is still the latest (lastInsertRowid) */
  statements = 0
  private readonly queryTimeoutMs: number
  private readonly maxAttempts: number
  /** the first error inside the current transaction: PostgreSQL has aborted it, whatever the caller did next */
  private transactionError: unknown = null

  constructor(
    private readonly url: string,
    options: PgSyncOptions = {},
  ) {
    this.name = redactUrl(url)
    this.queryTimeoutMs = options.queryTimeoutMs ?? 15_000
    this.maxAttempts = options.maxAttempts ?? 5
    const shared = new SharedArrayBuffer(4)
    this.signal = new Int32Array(shared)
    const { port1, port2 } = new MessageChannel()
    this.port = port1
    const connectTimeoutMs = options.connectTimeoutMs ?? 5_000
    this.worker = new Worker(new URL('./sync-worker.mjs', import.meta.url), {
      workerData: { url, signal: shared, port: port2, migrationsFolder: options.migrationsFolder, queryTimeoutMs: this.queryTimeoutMs, connectTimeoutMs },
      transferList: [port2],
      // the worker is plain JavaScript: no TypeScript loader of the parent's (tsx) slowing its start
      execArgv: [],
    })
    // a client nobody closed must not keep the process alive (a test that forgot close())
    this.worker.unref()
    this.port.unref()
    const started = this.await(0, options.startTimeoutMs ?? 120_000)
    if (started.error) {
      this.shutdown()
      const reason = started.error.message || started.error.code || 'no reason given'
      throw new PgSyncError(`Cannot open the PostgreSQL database of DATABASE_URL (${this.name}): ${reason}`, started.error)
    }
  }

  /** A second connection to the same database: an export reads through a cursor on one of its own. */
  another(): PgSyncClient {
    return new PgSyncClient(this.url, { queryTimeoutMs: this.queryTimeoutMs, maxAttempts: this.maxAttempts })
  }

  prepare(sql: string): PgStatement {
    return new PgStatement(this, sql)
  }

  /** Several statements in one text, no parameters and no rows: the simple query protocol, untranslated. */
  exec(sql: string): this {
    this.request('exec', sql)
    return this
  }

  /** Runs `text` (SQLite dialect) with its parameters; rows as objects, or as arrays when `array`. */
  query(sql: string, params: unknown[], array: boolean, op = 'query'): QueryAnswer {
    this.statements++
    const statement = toPgStatement(sql)
    if (params.length !== statement.params) throw new RangeError(`Expected ${statement.params} bound parameters, got ${params.length}: ${sql.slice(0, 120)}`)
    let answer: QueryAnswer
    try {
      answer = this.request(op, statement.text, params, array)
    } catch (err) {
      // which statement failed, for the log; the message stays the server's, as better-sqlite3's does
      if (err instanceof PgSyncError && !err.code?.startsWith('SQLITE_')) {
        err.sql = statement.text
        err.message += ` — in: ${statement.text.slice(0, 400)}`
      }
      throw err
    }
    answer.fields = answer.fields.map((f) => columnName(statement, f))
    if (!array && statement.caseOf) answer.rows = answer.rows.map((row) => renameKeys(row as Record<string, unknown>, statement.caseOf!))
    answer.rows = answer.rows.map(revive)
    return answer
  }

  /**
   * better-sqlite3's transaction(fn): a function running fn in a transaction, with .deferred/.immediate/.exclusive
   * (all alike here). SERIALIZABLE, and the whole function is run again on a serialization failure or deadlock:
   * a read-then-write inside it cannot be overtaken, as under SQLite's single writer. So fn must touch nothing
   * but the database (the house rule already: async work happens before the transaction).
   */
  transaction<A extends unknown[], R>(fn: (...args: A) => R): TransactionFunction<A, R> {
    const run = (...args: A) => this.runTransaction(fn, args)
    return Object.assign(run, { deferred: run, immediate: run, exclusive: run, default: run })
  }

  pragma(source: string): never {
    throw new Error(`PRAGMA ${source} is SQLite's: not available on PostgreSQL`)
  }

  close(): void {
    if (!this.open) return
    try {
      this.request('close')
    } catch {
      // closing a connection that is already gone
    }
    this.shutdown()
  }

  private runTransaction<A extends unknown[], R>(fn: (...args: A) => R, args: A): R {
    if (this.inTransaction) return this.savepoint(fn, args)
    for (let attempt = 1; ; attempt++) {
      this.request('begin', 'begin isolation level serializable')
      this.inTransaction = true
      this.transactionError = null
      try {
        const result = fn(...args)
        if (result instanceof Promise) throw new TypeError('Transaction function cannot return a promise')
        // after a failed statement PostgreSQL answers COMMIT with a rollback, silently: say so instead
        if (this.transactionError) throw this.transactionError
        this.request('end', 'commit')
        return result
      } catch (err) {
        this.rollbackQuietly()
        const failure = this.transactionError ?? err
        if (attempt < this.maxAttempts && (isRetryable(err) || isRetryable(failure))) {
          pause(attempt)
          continue
        }
        throw err
      } finally {
        this.inTransaction = false
        this.transactionError = null
      }
    }
  }

  private savepoint<A extends unknown[], R>(fn: (...args: A) => R, args: A): R {
    const name = `nested_${++this.seq}`
    this.request('query', `savepoint ${name}`)
    try {
      const result = fn(...args)
      this.request('query', `release savepoint ${name}`)
      return result
    } catch (err) {
      this.request('query', `rollback to savepoint ${name}`)
      throw err
    }
  }

  private rollbackQuietly() {
    try {
      this.request('end', 'rollback')
    } catch {
      // the transaction is over either way; the error that ended it is the one to report
    }
  }

  private request(op: string, sql?: string, params: unknown[] = [], array = false): QueryAnswer {
    if (!this.open) throw new TypeError('The database connection is not open')
    const id = ++this.seq
    this.port.postMessage({ id, op, sql, params, array })
    const answer = this.await(id, this.queryTimeoutMs + 2_000)
    if (answer.error) {
      const error = isUnreachable(answer.error) ? unreachable(this.url, answer.error.message) : new PgSyncError(answer.error.message, answer.error)
      if (this.inTransaction && op !== 'end') this.transactionError ??= error
      throw error
    }
    // a statement that failed inside a savepoint (drizzle's nested transactions) no longer dooms the transaction
    // once rolled back to; a serialization failure still does: the whole transaction must run again
    if (this.transactionError && !isRetryable(this.transactionError) && /^\s*rollback\s+to\s+savepoint\b/i.test(sql ?? '')) this.transactionError = null
    return { rows: answer.rows ?? [], fields: answer.fields ?? [], rowCount: answer.rowCount ?? 0 }
  }

  /** Blocks until the worker's answer `id` arrives; older answers (of requests that timed out) are dropped. */
  private await(id: number, timeoutMs: number): Answer {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const left = deadline - Date.now()
      if (left <= 0) {
        const error = unreachable(this.url, `no answer within ${timeoutMs} ms`)
        if (this.inTransaction) this.transactionError ??= error
        throw error
      }
      Atomics.wait(this.signal, 0, 0, left)
      // cleared before reading: an answer posted after this sets the word again, so the next wait returns at once
      Atomics.store(this.signal, 0, 0)
      for (let m = receiveMessageOnPort(this.port); m; m = receiveMessageOnPort(this.port)) {
        const answer = m.message as Answer
        if (answer.id === id) return answer
      }
    }
  }

  private shutdown() {
    this.open = false
    this.port.close()
    void this.worker.terminate()
  }
}

export type TransactionFunction<A extends unknown[], R> = ((...args: A) => R) & Record<'deferred' | 'immediate' | 'exclusive' | 'default', (...args: A) => R>

/** Structured cloning turns a Buffer into a plain Uint8Array: blobs come back as Buffers, as from better-sqlite3. */
function revive(row: unknown): unknown {
  const values = Array.isArray(row) ? row : Object.values(row as object)
  if (!values.some((v) => v instanceof Uint8Array)) return row
  if (Array.isArray(row)) return row.map(toBuffer)
  return Object.fromEntries(Object.entries(row as object).map(([k, v]) => [k, toBuffer(v)]))
}

function toBuffer(v: unknown): unknown {
  return v instanceof Uint8Array && !Buffer.isBuffer(v) ? Buffer.from(v.buffer, v.byteOffset, v.byteLength) : v
}

function renameKeys(row: Record<string, unknown>, caseOf: Map<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key in row) out[caseOf.get(key) ?? key] = row[key]
  return out
}

/** A short, growing, jittered wait before running a transaction again, so two retrying replicas drift apart. */
function pause(attempt: number) {
  const ms = Math.random() * 5 * 2 ** attempt
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}
