import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import type { AuditVerifyResult } from '../../core/contracts/audit'
import * as schema from '../../db/schema'
import { verifyAuditChain } from '../modules/audit/audit.service'
import { DATABASE_KEY_PREFIX } from './scan-store'

/**
 * What `npm run backup` and `npm run restore` check and copy (docs/operations.md, Backup and restore): the
 * database file, and the uploaded files it names under DATA_DIR/attachments. Scans kept in the database
 * (SCAN_STORAGE=database, docs/decisions/0020) are rows of its scan_files table and travel inside the file.
 */

/** The scans a database names: scanned paper forms and signed binding forms, by storage key. */
export function attachmentKeys(sqlite: Database.Database): { key: string; size: number; sha256: string | null }[] {
  return sqlite.prepare('select storage_key key, size, sha256 from application_attachments union all select form_path key, form_size size, null sha256 from binding_requests').all() as {
    key: string
    size: number
    sha256: string | null
  }[]
}

/**
 * The scans a database names that are missing or hold other content: a file key checked in `folder`, a `db:`
 * key in the same database's scan_files. Empty when all are there.
 */
export function missingAttachments(sqlite: Database.Database, folder: string): string[] {
  const missing: string[] = []
  let inDatabase: Database.Statement | null = null
  for (const a of attachmentKeys(sqlite)) {
    let bytes: Buffer | undefined
    if (a.key.startsWith(DATABASE_KEY_PREFIX)) {
      // prepared only when a key asks for it: a database from before the table never names one
      inDatabase ??= sqlite.prepare('select bytes from scan_files where storage_key = ?')
      bytes = (inDatabase.get(a.key) as { bytes: Buffer } | undefined)?.bytes
    } else {
      const file = path.join(folder, a.key)
      if (statSync(file, { throwIfNoEntry: false })?.size === a.size) bytes = readFileSync(file)
    }
    if (bytes?.length !== a.size || (a.sha256 && createHash('sha256').update(bytes).digest('hex') !== a.sha256)) missing.push(a.key)
  }
  return missing
}

/** Scans kept in the database that no record names: there should be none, as each is written in its record's transaction. */
export function strayScans(sqlite: Database.Database): string[] {
  return sqlite.prepare('select storage_key from scan_files where storage_key not in (select storage_key from application_attachments union all select form_path from binding_requests)').pluck().all() as string[]
}

/** How many scans a database holds itself (scan_files); 0 for a database from before the table. */
export function scansInDatabase(sqlite: Database.Database): number {
  const has = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = 'scan_files'").get()
  return has ? (sqlite.prepare('select count(*) n from scan_files').get() as { n: number }).n : 0
}

export interface DatabaseCheck {
  /** PRAGMA integrity_check: 'ok', or the problems it lists */
  integrity: string
  audit: AuditVerifyResult
  /** the last audit row: a restored copy must end where the backup ended */
  auditHead: { id: number; hash: string } | null
  migrations: number
}

/** Checks a database file read-only: its structure, its audit chain (as `npm run audit:verify`) and where it ends. */
export function checkDatabaseFile(file: string): DatabaseCheck {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true })
  try {
    let integrity: string
    try {
      integrity = (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ')
    } catch (err) {
      integrity = String((err as Error).message)
    }
    if (integrity !== 'ok') return { integrity, audit: { ok: false, rows: 0, brokenAt: 0, reason: 'not checked: the file is damaged' }, auditHead: null, migrations: 0 }
    const hasTable = (name: string) => !!sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(name)
    if (!hasTable('audit_log') || !hasTable('__drizzle_migrations')) throw new Error(`${file} is not a Certdesk database`)
    return {
      integrity,
      audit: verifyAuditChain({ db: drizzle(sqlite, { schema }) }),
      auditHead: (sqlite.prepare('select id, hash from audit_log order by id desc limit 1').get() as { id: number; hash: string } | undefined) ?? null,
      migrations: (sqlite.prepare('select count(*) n from __drizzle_migrations').get() as { n: number }).n,
    }
  } finally {
    sqlite.close()
  }
}

/**
 * Whether another connection has the database open (a running server, an export, the audit check): asking for
 * SQLite's exclusive lock fails at once while any connection holds the file, in WAL mode also an idle one.
 */
export function databaseInUse(file: string): boolean {
  if (!existsSync(file)) return false
  const sqlite = new Database(file, { fileMustExist: true, timeout: 0 })
  try {
    sqlite.pragma('locking_mode = EXCLUSIVE')
    sqlite.exec('begin exclusive')
    sqlite.exec('rollback')
    return false
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_BUSY') return true
    throw err
  } finally {
    sqlite.close()
  }
}

/** Every file under a folder, as paths relative to it. */
export function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return []
  return (readdirSync(folder, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((d) => d.isFile())
    .map((d) => path.relative(folder, path.join(d.parentPath, d.name)))
}
