import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect } from 'vitest'
import type { Env } from '../env'
import { createTestApp } from '../lib/testing'

export type TestApp = Awaited<ReturnType<typeof createTestApp>>
export type Answer = Awaited<ReturnType<TestApp['call']>>

/**
 * A fresh folder tree for one attacked app: DATA_DIR sits three levels below `root`, so a file written by a
 * path that climbs out of DATA_DIR (../../x) still lands inside `root`, where the listing sees it.
 */
export function sandbox(): { root: string; dataDir: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'certdesk-attack-'))
  const dataDir = path.join(root, 'a', 'b', 'data')
  mkdirSync(dataDir, { recursive: true })
  return { root, dataDir }
}

/** The app under attack, on its own sandbox; `file` gives it a database file (exports read on a second connection). */
export async function attackedApp(overrides: Partial<Env> = {}, options: { ca?: boolean; file?: boolean } = {}) {
  const box = sandbox()
  const t = await createTestApp({ DATA_DIR: box.dataDir, ...overrides }, { ca: options.ca, file: options.file ? path.join(box.root, 'certdesk.db') : undefined })
  /** closes the database and removes the sandbox */
  const dispose = () => {
    t.close()
    rmSync(box.root, { recursive: true, force: true })
  }
  return { t, dispose, ...box }
}

/** Every file under `dir`, as relative paths with their sizes (the database file and its journal aside). */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return []
  const out: string[] = []
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name)
      const s = statSync(full)
      if (s.isDirectory()) walk(full)
      else if (!/^certdesk\.db(?:-wal|-shm|-journal)?$/.test(name)) out.push(`${path.relative(dir, full)} (${s.size})`)
    }
  }
  walk(dir)
  return out.sort()
}

/** Tables whose rows change with every request whatever it carries: sessions' last-seen times, rate counters, challenges. */
const BOOKKEEPING = new Set(['sessions', 'portal_sessions', 'rate_limits', 'login_challenges'])

export interface Snapshot {
  tables: string[]
  digests: Record<string, string>
  lastAuditId: number
  files: string[]
}

/** What an attack must leave as it found it: every table's rows (by digest), the audit trail, and the files under `root`. */
export function snapshot(t: TestApp, root: string): Snapshot {
  const tables = t.dialect === 'postgres' ? pgTableNames(t) : (t.sqlite.prepare("select name from sqlite_master where type = 'table' order by name").all() as { name: string }[]).map((r) => r.name)
  const digests: Record<string, string> = {}
  for (const table of tables) {
    if (BOOKKEEPING.has(table) || table === 'audit_log') continue
    // AUTOINCREMENT counters move with the rows of their tables: only the other tables' counters count here
    const rows = table === 'sqlite_sequence'
      ? (t.sqlite.prepare('select name, seq from sqlite_sequence order by name').raw().all() as [string, number][]).filter(([name]) => !BOOKKEEPING.has(name) && name !== 'audit_log')
      : t.dialect === 'postgres'
        ? // no rowid: the rows in an order of their own content
          (t.sqlite.prepare(`select * from "${table}"`).raw().all() as unknown[][]).map((r) => JSON.stringify(r, asJson)).sort()
        : t.sqlite.prepare(`select * from "${table}" order by rowid`).raw().all()
    digests[table] = createHash('sha256').update(JSON.stringify(rows, asJson)).digest('hex')
  }
  const lastAuditId = (t.sqlite.prepare('select coalesce(max(id), 0) n from audit_log').get() as { n: number }).n
  return { tables, digests, lastAuditId, files: filesUnder(root) }
}

const asJson = (_k: string, v: unknown) => (typeof v === 'bigint' ? String(v) : Buffer.isBuffer(v) ? v.toString('hex') : v)

/** PostgreSQL's tables; its sequences are left out, as they move even for a rolled-back insert. */
function pgTableNames(t: TestApp): string[] {
  return t.sqlite.prepare("select table_name from information_schema.tables where table_schema = 'public' order by table_name").pluck().all() as string[]
}

/** The audit actions written since a snapshot. */
export function auditSince(t: TestApp, before: Snapshot): string[] {
  return (t.sqlite.prepare('select action from audit_log where id > ? order by id').all(before.lastAuditId) as { action: string }[]).map((r) => r.action)
}

/**
 * Nothing was written since `before`: the same tables with the same rows, no new file, and no audit row but the
 * refusals that are audited on purpose (`auditActions`). `changes` names tables a test expects to change.
 */
export function expectNothingWritten(t: TestApp, before: Snapshot, root: string, opts: { auditActions?: RegExp; changes?: string[] } = {}): void {
  const after = snapshot(t, root)
  expect(after.tables, 'the same tables exist').toEqual(before.tables)
  const changed = Object.keys(before.digests).filter((table) => before.digests[table] !== after.digests[table] && !opts.changes?.includes(table))
  expect(changed, 'tables whose rows changed').toEqual([])
  const audited = auditSince(t, before).filter((action) => !opts.auditActions?.test(action))
  expect(audited, 'audit rows written').toEqual([])
  expect(after.files, `files under ${root}`).toEqual(before.files)
}

/** A refusal: a 4xx in the one error shape, never a 5xx. */
export function expectRefused(res: Answer, what: string): void {
  expect(res.status, `${what}: ${res.text.slice(0, 300)}`).toBeGreaterThanOrEqual(400)
  expect(res.status, `${what}: ${res.text.slice(0, 300)}`).toBeLessThan(500)
  expect(res.json?.error?.code, `${what}: the error shape`).toMatch(/^[A-Z_]+$/)
  expect(typeof res.json.error.message).toBe('string')
}

/** The server still answers. */
export async function expectHealthy(t: TestApp): Promise<void> {
  const res = await t.call('GET', '/api/health')
  expect(res.status).toBe(200)
  expect(res.json).toEqual({ status: 'ok' })
}
