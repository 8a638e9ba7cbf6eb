import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { seededRandom } from '../../core/seeded-random'
import { openDatabase } from '../../db/client'
import { missingAttachments, strayScans } from '../lib/backup'
import { databaseUrlOf, dataFile, dropDatabaseOf, freePort, prepareDataDir, sleep, startServer, type ServerProcess } from './harness'
import { auditChainOf, integrityOf, openReadOnly, workflowProblems } from './invariants'
import { missingAcks, signInActors, startLoad, type Ack } from './load'

const KILLS = 4
const FIRMS = 60
const KINDS = ['draft', 'attached', 'submitted', 'online', 'decided', 'paid'] as const
const dataDir = mkdtempSync(path.join(tmpdir(), 'certdesk-crash-'))
let server: ServerProcess | null = null
afterAll(async () => {
  await server?.kill('SIGKILL')
  dropDatabaseOf(dataDir)
  rmSync(dataDir, { recursive: true, force: true })
})

/** The state a crash left behind, read as the next start (or an operator's copy) would find it. */
function inspect(acks: Ack[]) {
  const url = databaseUrlOf(dataDir)
  const db = url ? openDatabase(url).sqlite : openReadOnly(dataFile(dataDir))
  try {
    // PostgreSQL checks its own pages; SQLite's file is checked here
    return { integrity: url ? 'ok' : integrityOf(db), audit: auditChainOf(db), problems: workflowProblems(db), missing: missingAcks(db, acks), files: missingAttachments(db, path.join(dataDir, 'attachments')), strayScans: strayScans(db) }
  } finally {
    db.close()
  }
}

describe('crash safety: the real server killed with SIGKILL under write load', () => {
  it(`keeps every acknowledged write, a sound file, a whole audit chain and no half-made change across ${KILLS} kills`, async () => {
    const seed = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 1e9))
    console.log(`crash-safety: seed ${seed} (repeat this run with CRASH_SEED=${seed})`)
    const rnd = seededRandom(seed)
    await prepareDataDir(dataDir, { firmsPerOffice: FIRMS })
    const port = await freePort()
    server = await startServer({ dataDir, port })
    const actors = await signInActors(server.url, dataDir)
    const acks: Ack[] = []
    const nextFirm = { AA: 0, CA: 0 }
    const answers = new Map<number, number>()

    for (let kill = 1; kill <= KILLS; kill++) {
      const load = startLoad({ base: server.url, actors, rnd, firmsPerOffice: FIRMS, nextFirm })
      const after = Math.round(600 + rnd() * 1600)
      await sleep(after)
      // the last run goes on until every kind of write has been acknowledged at least once: on a busy machine
      // four short runs may not reach them all, and the crash must be able to catch each of them half-made
      const reachedAll = () => KINDS.every((k) => acks.some((a) => a.kind === k) || load.acks.some((a) => a.kind === k))
      if (kill === KILLS) for (const end = Date.now() + 60_000; !reachedAll() && Date.now() < end; ) await sleep(100)
      const killed = await server.kill('SIGKILL')
      expect(killed.signal).toBe('SIGKILL')
      await load.stop()
      acks.push(...load.acks)
      for (const [status, n] of load.statuses) answers.set(status, (answers.get(status) ?? 0) + n)
      console.log(`crash-safety: kill ${kill} after ${after} ms of load, ${load.acks.length} writes acknowledged in this run`)
      expect(load.acks.length).toBeGreaterThan(0)

      const state = inspect(acks)
      expect(state.integrity).toBe('ok')
      expect(state.audit).toMatchObject({ ok: true })
      expect(state.problems).toEqual([])
      expect(state.missing).toEqual([])
      expect(state.files).toEqual([])
      expect(state.strayScans).toEqual([])
      server = await startServer({ dataDir, port })
    }

    // The last start recovered the crash; a clean stop leaves the same facts.
    await server.kill('SIGTERM')
    server = null
    const final = inspect(acks)
    expect(final).toMatchObject({ integrity: 'ok', audit: { ok: true }, problems: [], missing: [], files: [], strayScans: [] })
    const kinds = (k: Ack['kind']) => acks.filter((a) => a.kind === k).length
    console.log(`crash-safety: ${acks.length} acknowledged writes (${KINDS.map((k) => `${k} ${kinds(k)}`).join(', ')}); answers ${JSON.stringify(Object.fromEntries(answers))}; ${final.audit.rows} audit rows`)
    // the load reached every kind of write, and the server never failed one with a 500
    for (const k of KINDS) expect(kinds(k)).toBeGreaterThan(0)
    expect([...answers.keys()].filter((s) => s >= 500)).toEqual([])
  }, 180_000)

  // the two below take SQLite's file apart: nothing of theirs exists on PostgreSQL
  const sqliteOnly = it.skipIf(Boolean(process.env.DATABASE_URL))

  sqliteOnly('would notice a lost write or a half-made change (the checks above can fail)', () => {
    const copy = path.join(dataDir, 'tampered.db')
    const source = new Database(dataFile(dataDir))
    source.exec(`vacuum into '${copy}'`)
    source.close()
    const db = new Database(copy)
    const paid = db.prepare("select a.id, a.application_no no from applications a where a.status = '20' limit 1").get() as { id: number; no: string }
    // a status change without its history line and audit row, and an acknowledged write that is gone
    db.prepare("update applications set status = '10' where id = ?").run(paid.id)
    db.prepare("delete from application_events where application_id = ? and action = 'paid'").run(paid.id)
    expect(workflowProblems(db).join('\n')).toContain(`${paid.no} (10): fee slips [paid], expected [unpaid]`)
    expect(missingAcks(db, [{ kind: 'draft', applicationNo: 'AA1159999999' }, { kind: 'paid', applicationNo: paid.no, slipNo: 'x', paymentId: -1 }])).toHaveLength(2)
    db.close()
  })

  sqliteOnly('opens the database in WAL mode with synchronous=FULL, so an acknowledged commit is on disk', () => {
    const database = openDatabase(path.join(dataDir, 'pragmas.db'))
    expect(database.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(database.sqlite.pragma('synchronous', { simple: true })).toBe(2) // FULL
    database.close()
  })
})
