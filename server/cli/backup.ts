import { chmodSync, copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { readEnv } from '../env'
import { checkDatabaseFile, filesUnder, missingAttachments, scansInDatabase } from '../lib/backup'
import { flushToDisk } from '../lib/flush'

/**
 * `npm run backup -- <file>`: a consistent copy of the database while the server runs and writes, made with
 * SQLite's backup API, checked (integrity, audit chain) before it gets its name; then the uploaded scans kept as
 * files, into `<file>.attachments/` (scans kept in the database, SCAN_STORAGE=database, are inside the copy). The CA key secret is not copied: keep it apart (docs/operations.md).
 */
function fail(message: string): never {
  console.error(message)
  process.exit(1)
}

const arg = process.argv[2]
if (!arg || arg.startsWith('-')) fail('Usage: npm run backup -- <file>   e.g. npm run backup -- /backups/certdesk-2026-11-20.db')
const env = readEnv()
const target = path.resolve(arg)
const attachmentsTarget = `${target}.attachments`
if (existsSync(target) || existsSync(attachmentsTarget)) fail(`${target} exists already: a backup never overwrites one; choose a new name.`)
if (!existsSync(env.dbFile)) fail(`No database at ${env.dbFile}: set DATA_DIR to the server's data folder.`)
mkdirSync(path.dirname(target), { recursive: true })

// All pages in one step: the copy is one read transaction, so it shows one moment; in WAL mode the server's
// writers go on meanwhile, and no write can make SQLite restart the copy (it does between smaller steps).
const partial = `${target}.partial`
rmSync(partial, { force: true })
// Read-write only so that SQLite can read a WAL with no server running; nothing is written.
const source = new Database(env.dbFile, { fileMustExist: true })
source.pragma('busy_timeout = 5000')
const started = Date.now()
await source.backup(partial, { progress: () => 0x7fffffff })
source.close()
// One self-contained file, readable by its owner only: it holds personal data and password hashes.
const copy = new Database(partial)
copy.pragma('journal_mode = DELETE')
copy.close()
chmodSync(partial, 0o600)

const check = checkDatabaseFile(partial)
if (check.integrity !== 'ok' || !check.audit.ok) {
  rmSync(partial, { force: true })
  fail(`The copy does not check out, so no backup was written: integrity ${check.integrity}; audit ${check.audit.ok ? 'OK' : `broken at row ${check.audit.brokenAt}: ${check.audit.reason}`}.`)
}
flushToDisk(partial)
renameSync(partial, target)
flushToDisk(path.dirname(target))

// After the snapshot: a scan is on disk before its record commits and is never changed, so every file the
// copy names exists now. Later uploads may come along; they are harmless extras.
const attachments = path.join(env.DATA_DIR, 'attachments')
const files = filesUnder(attachments)
mkdirSync(attachmentsTarget, { recursive: true, mode: 0o700 })
for (const rel of files) {
  const to = path.join(attachmentsTarget, rel)
  mkdirSync(path.dirname(to), { recursive: true, mode: 0o700 })
  copyFileSync(path.join(attachments, rel), to)
  flushToDisk(to)
}
const backupDb = new Database(target, { readonly: true })
const missing = missingAttachments(backupDb, attachmentsTarget)
const inDatabase = scansInDatabase(backupDb)
const counts = Object.fromEntries(['applications', 'fee_slips', 'payments', 'certificates'].map((t) => [t, (backupDb.prepare(`select count(*) n from ${t}`).get() as { n: number }).n]))
backupDb.close()

const mb = (statSync(target).size / 1_048_576).toFixed(1)
console.log(`Backup written: ${target} (${mb} MB in ${Date.now() - started} ms; integrity ok; audit chain OK, ${check.audit.rows} rows, last row ${check.auditHead?.id ?? '-'} ${check.auditHead?.hash.slice(0, 16) ?? ''}…)`)
console.log(`  ${Object.entries(counts).map(([t, n]) => `${t} ${n}`).join(', ')}`)
console.log(`  attachments: ${files.length} files in ${attachmentsTarget}; ${inDatabase} scans inside the database copy`)
console.log(`  Not in the backup: the CA key secret (${env.CA_KEY_SECRET ? 'CA_KEY_SECRET' : path.join(env.DATA_DIR, 'ca-key.secret')}). Keep a copy of it apart from the backups; a restore needs it.`)
if (missing.length) fail(`  ${missing.length} attachments the database names are missing or changed in ${attachments}: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ' …' : ''}`)
