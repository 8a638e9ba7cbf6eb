import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { unwrapPrivateKey } from '../../core/pki'
import { readEnv } from '../env'
import { checkDatabaseFile, databaseInUse, filesUnder, missingAttachments } from '../lib/backup'
import { flushToDisk } from '../lib/flush'

/**
 * `npm run restore -- <file>`: puts a backup in place of DATA_DIR/certdesk.db. Refuses while any process has the
 * database open (stop the server first), and refuses a backup that is damaged, whose audit chain is broken, that
 * is newer than this code, whose CA keys the CA secret here cannot open, or whose scans are missing. The
 * replaced database is kept aside as certdesk.db.before-restore-<time>.
 */
function fail(message: string): never {
  console.error(message)
  process.exit(1)
}

const args = process.argv.slice(2)
const allowMissing = args.includes('--allow-missing-attachments')
const arg = args.find((a) => !a.startsWith('--'))
if (!arg) fail('Usage: npm run restore -- <file> [--allow-missing-attachments]   (stop the server first)')
const env = readEnv()
const backup = path.resolve(arg)
if (!existsSync(backup)) fail(`No backup at ${backup}.`)

// 1. The backup itself: a sound file, a whole audit chain, no migration this code does not know.
const check = checkDatabaseFile(backup)
if (check.integrity !== 'ok') fail(`Refused: ${backup} is damaged (integrity_check: ${check.integrity}). Nothing was changed.`)
if (!check.audit.ok) fail(`Refused: the audit chain of ${backup} is broken at row ${check.audit.brokenAt} (${check.audit.reason}). Nothing was changed.`)
const journal = fileURLToPath(new URL('../../db/migrations/meta/_journal.json', import.meta.url))
const known = (JSON.parse(readFileSync(journal, 'utf8')) as { entries: unknown[] }).entries.length
if (check.migrations > known) fail(`Refused: the backup comes from a newer Certdesk (${check.migrations} migrations, this code knows ${known}); restore it with that version.`)

// 2. The CA secret here must open the backup's CA keys, or the restored CA could never sign again.
const secretFile = path.resolve(env.DATA_DIR, 'ca-key.secret')
const secret = env.CA_KEY_SECRET ?? (existsSync(secretFile) ? readFileSync(secretFile, 'utf8').trim() : null)
const source = new Database(backup, { readonly: true })
const ca = source.prepare("select name, wrapped_key wrappedKey from certificate_authorities order by name = 'customs' desc limit 1").get() as { name: string; wrappedKey: string } | undefined
if (ca) {
  if (!secret) fail(`Refused: no CA key secret here. Copy the server's ca-key.secret into ${env.DATA_DIR} (or set CA_KEY_SECRET), then restore again. Nothing was changed.`)
  const opens = await unwrapPrivateKey(ca.wrappedKey, secret, { label: ca.name }).then(() => true, () => false)
  if (!opens) fail(`Refused: the CA key secret ${env.CA_KEY_SECRET ? '(CA_KEY_SECRET)' : `in ${secretFile}`} does not open the CA keys in this backup. Use the secret of the server the backup came from. Nothing was changed.`)
}

// 3. The scans the backup names: from <file>.attachments, or already in DATA_DIR/attachments.
const attachments = path.join(env.DATA_DIR, 'attachments')
const fromBackup = `${backup}.attachments`
const toCopy = filesUnder(fromBackup).filter((rel) => !existsSync(path.join(attachments, rel)))
const missing = missingAttachments(source, fromBackup).filter((key) => !existsSync(path.join(attachments, key)))
source.close()
if (missing.length && !allowMissing) {
  fail(`Refused: ${missing.length} scans the backup names are neither in ${fromBackup} nor in ${attachments} (${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ' …' : ''}). Copy them there, or add --allow-missing-attachments. Nothing was changed.`)
}

// 4. Nobody may have the database open: a running server would go on writing into the replaced file.
if (databaseInUse(env.dbFile)) fail(`Refused: a process has ${env.dbFile} open. Stop the server (and any audit check or export) first. Nothing was changed.`)

// 5. Keep the replaced database aside, copy the backup in under a temporary name, then rename it into place.
mkdirSync(env.DATA_DIR, { recursive: true })
const aside = `${env.dbFile}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`
const replaced = existsSync(env.dbFile)
for (const suffix of ['', '-wal', '-shm']) if (existsSync(env.dbFile + suffix)) renameSync(env.dbFile + suffix, aside + suffix)
const incoming = `${env.dbFile}.restoring`
rmSync(incoming, { force: true })
const from = new Database(backup, { readonly: true })
await from.backup(incoming, { progress: () => 0x7fffffff })
from.close()
chmodSync(incoming, 0o600)
flushToDisk(incoming)
renameSync(incoming, env.dbFile)
flushToDisk(env.DATA_DIR)
for (const rel of toCopy) {
  const to = path.join(attachments, rel)
  mkdirSync(path.dirname(to), { recursive: true })
  copyFileSync(path.join(fromBackup, rel), to)
  flushToDisk(to)
}

console.log(`Restored ${backup} into ${env.dbFile} (audit chain OK, ${check.audit.rows} rows, last row ${check.auditHead?.id ?? '-'} ${check.auditHead?.hash.slice(0, 16) ?? ''}…; ${toCopy.length} scans copied).`)
if (replaced) console.log(`  The replaced database is kept as ${aside}; to undo, stop the server and move it back.`)
if (missing.length) console.log(`  ${missing.length} scans the backup names are missing (--allow-missing-attachments).`)
console.log('  Start the server; it applies any migrations the backup lacks.')
