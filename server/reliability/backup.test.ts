import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seededRandom } from '../../core/seeded-random'
import { parseCrl } from '../../core/pki/validate/crl'
import { checkDatabaseFile, missingAttachments } from '../lib/backup'
import { call, dataFile, freePort, keepOnSqlite, prepareDataDir, runCli, signIn, sleep, startServer, type ServerProcess } from './harness'
import { openReadOnly, workflowProblems } from './invariants'
import { missingAcks, signInActors, startLoad, type Ack } from './load'

const FIRMS = 40
const original = mkdtempSync(path.join(tmpdir(), 'certdesk-backup-original-'))
const restored = mkdtempSync(path.join(tmpdir(), 'certdesk-backup-restored-'))
const backups = mkdtempSync(path.join(tmpdir(), 'certdesk-backups-'))
const backupFile = path.join(backups, 'certdesk-backup.db')
let server: ServerProcess | null = null
let onRestored: ServerProcess | null = null
let acksBefore: Ack[] = []
// `npm run backup` and `restore` are SQLite's (its backup API); PostgreSQL is backed up with pg_dump
keepOnSqlite(original)
keepOnSqlite(restored)

beforeAll(async () => {
  await prepareDataDir(original, { firmsPerOffice: FIRMS })
  server = await startServer({ dataDir: original, port: await freePort() })
}, 60_000)
afterAll(async () => {
  await server?.kill('SIGKILL')
  await onRestored?.kill('SIGKILL')
  for (const dir of [original, restored, backups]) rmSync(dir, { recursive: true, force: true })
})

/** A table's rows in storage order, as JSON: two databases hold the same content when these are equal. */
const rows = (db: Database.Database, table: string, where = '') => JSON.stringify(db.prepare(`select * from ${table} ${where} order by rowid`).raw().all())
const maxId = (db: Database.Database, table: string) => (db.prepare(`select coalesce(max(id), 0) n from ${table}`).get() as { n: number }).n
const MAIN_TABLES = ['applications', 'application_events', 'application_attachments', 'fee_slips', 'payments', 'mail_outbox', 'certificates', 'ca_issued', 'certificate_authorities', 'crls', 'firms', 'staff', 'audit_log']

describe('backup and restore', () => {
  it('takes a consistent online backup while the server runs and writes: sound, verified, a prefix of the original', async () => {
    const actors = await signInActors(server!.url, original)
    const load = startLoad({ base: server!.url, actors, rnd: seededRandom(20261122), firmsPerOffice: FIRMS, nextFirm: { AA: 0, CA: 0 } })
    await sleep(1500)
    acksBefore = [...load.acks]
    const run = await runCli('backup', [backupFile], original)
    await sleep(300)
    await load.stop()
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/Backup written: .*integrity ok; audit chain OK/)
    expect(acksBefore.length).toBeGreaterThan(10)

    const check = checkDatabaseFile(backupFile)
    expect(check).toMatchObject({ integrity: 'ok', audit: { ok: true } })
    const copy = openReadOnly(backupFile)
    const live = openReadOnly(dataFile(original))
    try {
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete') // one self-contained file
      expect(workflowProblems(copy)).toEqual([])
      expect(missingAcks(copy, acksBefore)).toEqual([])
      expect(missingAttachments(copy, `${backupFile}.attachments`)).toEqual([])
      expect(copy.prepare('select count(*) n from application_attachments').get()).not.toEqual({ n: 0 })
      // The server went on writing during and after the copy; up to the copy's moment both hold the same rows.
      expect(maxId(live, 'audit_log')).toBeGreaterThan(check.auditHead!.id)
      for (const table of ['audit_log', 'application_events', 'application_attachments', 'payments']) {
        expect(rows(live, table, `where id <= ${maxId(copy, table)}`)).toBe(rows(copy, table))
      }
      const fixed = (db: Database.Database, table: string, columns: string) => JSON.stringify(db.prepare(`select ${columns} from ${table} where id <= ${maxId(copy, table)} order by id`).raw().all())
      expect(fixed(live, 'applications', 'id, application_no, ubn, created_at')).toBe(fixed(copy, 'applications', 'id, application_no, ubn, created_at'))
      expect(fixed(live, 'fee_slips', 'id, slip_no, application_id, amount, issued_on')).toBe(fixed(copy, 'fee_slips', 'id, slip_no, application_id, amount, issued_on'))
    } finally {
      copy.close()
      live.close()
    }
  }, 60_000)

  it('restores into a fresh data folder once the CA secret is there, and the server starts on it with the same data', async () => {
    const noSecret = await runCli('restore', [backupFile], restored)
    expect(noSecret.code).toBe(1)
    expect(noSecret.stderr).toContain('no CA key secret here')
    expect(existsSync(dataFile(restored))).toBe(false)

    copyFileSync(path.join(original, 'ca-key.secret'), path.join(restored, 'ca-key.secret'))
    const run = await runCli('restore', [backupFile], restored)
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const copy = openReadOnly(backupFile)
    const back = openReadOnly(dataFile(restored))
    const head = copy.prepare('select id, hash from audit_log order by id desc limit 1').get() as { id: number; hash: string }
    try {
      for (const table of MAIN_TABLES) expect(rows(back, table), table).toBe(rows(copy, table))
      expect(missingAttachments(back, path.join(restored, 'attachments'))).toEqual([])
    } finally {
      back.close()
    }

    // The server on the restored folder: the chain verifies and continues from the backup's head, the data
    // answers as before, and the CA signs with its restored keys.
    onRestored = await startServer({ dataDir: restored, port: await freePort() })
    const auditor = await signIn(onRestored.url, 'auditor')
    const verify = await call(onRestored.url, 'GET', '/api/audit/verify', { as: auditor })
    expect(verify.json).toMatchObject({ ok: true })
    expect(verify.json.rows).toBeGreaterThan(head.id)
    const afterHead = openReadOnly(dataFile(restored))
    expect(afterHead.prepare('select prev_hash p from audit_log where id = ?').get(head.id + 1)).toEqual({ p: head.hash })
    afterHead.close()

    const supervisor = await signIn(onRestored.url, 'supervisor.keelung')
    const list = await call(onRestored.url, 'GET', '/api/applications?limit=200', { as: supervisor })
    const listed = (list.json.items as { applicationNo: string; status: string }[]).map((a) => `${a.applicationNo} ${a.status}`).sort()
    const stored = (copy.prepare("select application_no || ' ' || status a from applications where office_code = 'AA' and status != 'draft'").all() as { a: string }[]).map((r) => r.a).sort()
    expect(stored.length).toBeLessThan(200)
    expect(listed).toEqual(stored)
    const scan = copy.prepare('select a.id app, a.office_code office, t.id, t.sha256 from application_attachments t join applications a on a.id = t.application_id limit 1').get() as { app: number; office: string; id: number; sha256: string }
    expect(scan).toBeDefined()
    const clerk = await signIn(onRestored.url, scan.office === 'AA' ? 'clerk.keelung' : 'clerk.taipei')
    const res = await fetch(`${onRestored.url}/api/applications/${scan.app}/attachments/${scan.id}`, { headers: { cookie: clerk.cookie } })
    expect(res.status).toBe(200)
    expect(createHash('sha256').update(new Uint8Array(await res.arrayBuffer())).digest('hex')).toBe(scan.sha256)
    const serial = (copy.prepare("select serial_hex s from certificates where office_code = 'AA' and status = 'valid' limit 1").get() as { s: string }).s
    copy.close()
    expect((await call(onRestored.url, 'POST', `/api/certificates/${serial}/revoke`, { body: { reason: 'superseded', note: 'after restore' }, as: supervisor })).status).toBe(200)
    const crl = parseCrl(new Uint8Array(await (await fetch(`${onRestored.url}/crl/customs.crl`)).arrayBuffer()))
    expect([...crl.entries.values()].some((m) => [...m.keys()].some((k) => k.replace(/^0+/, '') === serial.replace(/^0+/, '')))).toBe(true)
  }, 60_000)

  it('refuses a damaged backup, one whose audit chain was edited, and any restore while the server runs, changing nothing', async () => {
    const truncated = path.join(backups, 'truncated.db')
    copyFileSync(backupFile, truncated)
    truncateSync(truncated, Math.floor(readFileSync(truncated).length / 2))
    const edited = path.join(backups, 'edited.db')
    copyFileSync(backupFile, edited)
    const e = new Database(edited)
    for (const t of e.prepare("select name from sqlite_master where type = 'trigger' and tbl_name = 'audit_log'").all() as { name: string }[]) e.exec(`drop trigger ${t.name}`)
    e.prepare("update audit_log set action = 'seed.nothing' where id = 3").run()
    e.close()

    const [damaged, tampered, busy] = await Promise.all([runCli('restore', [truncated], restored), runCli('restore', [edited], restored), runCli('restore', [backupFile], restored)])
    expect(damaged.code).toBe(1)
    expect(damaged.stderr).toContain('is damaged')
    expect(tampered.code).toBe(1)
    expect(tampered.stderr).toContain('audit chain of')
    expect(busy.code).toBe(1)
    expect(busy.stderr).toContain('Stop the server')
    expect(readdirSync(restored).filter((f) => f.includes('before-restore'))).toEqual([])
    expect((await call(onRestored!.url, 'GET', '/api/health')).status).toBe(200)
    await onRestored!.kill('SIGTERM')
    onRestored = null
    // still the restored database with what the server wrote on it, not replaced
    const kept = openReadOnly(dataFile(restored))
    expect(kept.prepare("select count(*) n from audit_log where action = 'certificate.revoked' and summary like '%after restore%'").get()).toEqual({ n: 1 })
    kept.close()
  }, 60_000)
})
