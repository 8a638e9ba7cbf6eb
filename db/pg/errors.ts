/** An error from the worker, as data: structured cloning keeps an Error's fields only as a plain object. */
export interface WireError {
  message: string
  code?: string
  detail?: string
  constraint?: string
}

/**
 * SQLSTATE → the better-sqlite3 code the domain already tests for (`SQLITE_CONSTRAINT_UNIQUE` in payments), so
 * one check serves both databases. P0001 is a trigger's RAISE EXCEPTION, like SQLite's RAISE(ABORT) in a trigger.
 */
const sqliteCodes: Record<string, string> = {
  '23505': 'SQLITE_CONSTRAINT_UNIQUE',
  '23503': 'SQLITE_CONSTRAINT_FOREIGNKEY',
  '23502': 'SQLITE_CONSTRAINT_NOTNULL',
  '23514': 'SQLITE_CONSTRAINT_CHECK',
  P0001: 'SQLITE_CONSTRAINT_TRIGGER',
}

export class PgSyncError extends Error {
  /** the better-sqlite3 code when there is one, else the SQLSTATE */
  readonly code: string | undefined
  /** the SQLSTATE (five characters); undefined when the server never answered */
  readonly sqlState: string | undefined
  readonly detail: string | undefined
  readonly constraint: string | undefined
  /** the statement as sent to PostgreSQL */
  sql: string | undefined
  constructor(message: string, wire: Partial<WireError> = {}) {
    super(message)
    this.name = 'PgSyncError'
    this.sqlState = wire.code && /^[0-9A-Z]{5}$/.test(wire.code) ? wire.code : undefined
    this.code = (this.sqlState && sqliteCodes[this.sqlState]) ?? wire.code
    this.detail = wire.detail
    this.constraint = wire.constraint
  }
}

/** 40001 serialization failure, 40P01 deadlock: the whole transaction may simply be run again. */
export function isRetryable(err: unknown): boolean {
  const state = (err as { sqlState?: string }).sqlState
  return state === '40001' || state === '40P01'
}

/**
 * Whether an error means the server could not be reached or the connection broke, rather than the statement
 * being refused: no SQLSTATE at all (refused, reset, timed out), class 08 (connection) or 57P0x (shutdown).
 */
export function isUnreachable(wire: Partial<WireError>): boolean {
  const code = wire.code ?? ''
  if (/^[0-9A-Z]{5}$/.test(code)) return code.startsWith('08') || code.startsWith('57P0')
  return true
}

/** The URL without its password, to name in messages and logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url)
    if (u.password) u.password = '***'
    return u.toString()
  } catch {
    return '(not a URL)'
  }
}

export function unreachable(url: string, reason: string): PgSyncError {
  return new PgSyncError(`The database is unreachable (DATABASE_URL=${redactUrl(url)}): ${reason}`, { code: 'ECONNREFUSED' })
}
