import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core'
import type { RunResult } from 'better-sqlite3'
import { PgSyncClient } from './pg/sync-client'
import * as schema from './schema'

export type Schema = typeof schema
/** A database or a transaction: every repo function takes this, so it runs inside a caller's transaction. */
export type Db = BaseSQLiteDatabase<'sync', RunResult, Schema>

export type Dialect = 'sqlite' | 'postgres'

export interface Database_ {
  db: BetterSQLite3Database<Schema>
  /**
   * The connection under drizzle. On PostgreSQL it is db/pg's synchronous client, which answers the subset of
   * better-sqlite3's API that drizzle and our code call (prepare/get/all/run, raw, transaction, exec, close).
   */
  sqlite: Database.Database
  dialect: Dialect
  close(): void
}

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url))
const pgMigrationsFolder = fileURLToPath(new URL('./migrations-pg', import.meta.url))

/**
 * Opens the database and brings its schema up to date: a `postgres://` URL (DATABASE_URL) opens PostgreSQL
 * through the synchronous bridge (docs/decisions/0017), anything else is a SQLite file, created when absent.
 * `:memory:` gives a private database for tests, with the same migrations applied.
 */
export function openDatabase(target: string): Database_ {
  if (isPostgresUrl(target)) return openPostgres(target)
  const file = target
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  const sqlite = new Database(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  // FULL: the WAL is flushed to disk at every commit, so a write the server has acknowledged survives a power
  // failure too; NORMAL survives a crash of the process but may lose the last commits when the machine stops.
  // It costs about 0.2 ms per commit here, against 0.01 ms (docs/operations.md, Durability).
  sqlite.pragma('synchronous = FULL')
  const db = drizzle(withStatementCache(sqlite) as unknown as Database.Database, { schema })
  db.$client = sqlite
  migrate(db, { migrationsFolder })
  return { db, sqlite, dialect: 'sqlite', close: () => sqlite.close() }
}

export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target)
}

function openPostgres(url: string): Database_ {
  // fails here, naming DATABASE_URL, when the server cannot be reached or refuses the credentials
  const client = new PgSyncClient(url, { migrationsFolder: pgMigrationsFolder })
  const sqlite = client as unknown as Database.Database
  const db = drizzle(sqlite, { schema })
  return { db, sqlite, dialect: 'postgres', close: () => client.close() }
}

/**
 * Drizzle asks the driver to prepare a statement at every execution, and SQLite compiles it each time: on a
 * list request that was as much work as running the page's queries. Queries are built with parameters, so
 * their texts are few (a few hundred at most: one per shape of filter) and their compiled statements are kept
 * here, the least recently used dropped first. SQLite recompiles a kept statement by itself after a schema
 * change.
 */
export function withStatementCache(sqlite: Database.Database, size = 1000): Pick<Database.Database, 'prepare' | 'transaction'> {
  const statements = new Map<string, Database.Statement>()
  return {
    prepare(sql: string) {
      let stmt = statements.get(sql)
      if (stmt) statements.delete(sql)
      else {
        stmt = sqlite.prepare(sql)
        if (statements.size >= size) statements.delete(statements.keys().next().value!)
      }
      statements.set(sql, stmt)
      // a statement keeps its mode: Drizzle switches on raw rows where it maps them itself and expects objects elsewhere
      return stmt.reader ? stmt.raw(false) : stmt
    },
    transaction: (fn) => sqlite.transaction(fn),
  } as Pick<Database.Database, 'prepare' | 'transaction'>
}

/** Runs `work` in one synchronous transaction: all of it commits, or none of it. */
export function inTransaction<T>(db: Db, work: (tx: Db) => T): T {
  // IMMEDIATE takes the write lock up front, so a read-then-write (the audit chain's last hash) cannot be
  // overtaken by another connection between the read and the write. On PostgreSQL the bridge makes it SERIALIZABLE
  // and runs `work` again when another transaction got in between (docs/decisions/0017): `work` touches only the db.
  return db.transaction((tx) => work(tx as unknown as Db), { behavior: 'immediate' })
}
