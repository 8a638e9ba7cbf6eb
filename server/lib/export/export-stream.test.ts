import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { get } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createAdaptorServer } from '@hono/node-server'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { insertScaleData } from '../../../db/seed/scale'
import { createTestApp, type Session } from '../testing'
import { exportAudits } from './export.fixtures'

/**
 * Exports against a database file (so that they read on their own connection, as in production) with
 * 20,000 applications: big enough that a download is many chunks, small enough for a unit test.
 */
const ROWS = 20_000
const dataDir = mkdtempSync(path.join(tmpdir(), 'certdesk-export-db-'))
const dbFile = path.join(dataDir, 'certdesk.db')
let tempDir = ''
let t: Awaited<ReturnType<typeof createTestApp>>
let auditor: Session
let total = 0

beforeAll(async () => {
  // SQLite's second read connection and WAL, also in a PostgreSQL run (vitest.pg.config.ts sets DATABASE_URL)
  t = await createTestApp({ DATABASE_URL: undefined }, { file: dbFile })
  insertScaleData(t.sqlite, { certificates: ROWS, applications: ROWS, now: t.now() })
  total = (t.sqlite.prepare("select count(*) n from applications where status <> 'draft'").get() as { n: number }).n
  auditor = await t.login('auditor')
  // everything the process would put in a temp dir (exceljs, tmp) lands here, where the test can look
  tempDir = mkdtempSync(path.join(tmpdir(), 'certdesk-export-tmp-'))
  vi.stubEnv('TMPDIR', tempDir)
})
afterAll(() => {
  vi.unstubAllEnvs()
  t.close()
  rmSync(dataDir, { recursive: true, force: true })
  rmSync(tempDir, { recursive: true, force: true })
})

/**
 * Whether an open read (an export's statement) still pins the latest WAL frames, so that a checkpoint cannot
 * copy them back: true from the moment a write lands behind the export's snapshot until its statement ends.
 */
function pinned(): boolean {
  const [r] = t.sqlite.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[]
  return r!.checkpointed < r!.log
}

/** The audit row of the export that ends next (after `seen` export rows), once it is written. */
async function nextExport(seen: number) {
  for (let i = 0; i < 300; i++) {
    const audits = exportAudits(t)
    if (audits.length > seen) return audits[seen]!
    await new Promise((r) => setTimeout(r, 10))
  }
  throw new Error('the export did not end')
}

/** Reads `chunks` chunks of the body, then stops reading for a while, then hangs up. */
async function readThenCancel(url: string, chunks: number) {
  const seen = exportAudits(t).length
  const res = await t.app.request(url, { headers: { cookie: auditor.cookie } })
  const reader = res.body!.getReader()
  for (let i = 0; i < chunks; i++) await reader.read()
  await new Promise((r) => setTimeout(r, 150))
  await reader.cancel()
  return nextExport(seen)
}

describe('streamed exports', () => {
  it('reads on a second connection, so that writes go on while a client is slow, and ends its read at the end', async () => {
    const seen = exportAudits(t).length
    const res = await t.app.request('/api/applications/export', { headers: { cookie: auditor.cookie } })
    const reader = res.body!.getReader()
    await reader.read()
    // a sign-in writes a session and an audit row: on the export's own connection it would fail "busy"
    await t.login('clerk.keelung')
    expect(pinned()).toBe(true)
    while (!(await reader.read()).done);
    expect(await nextExport(seen)).toMatchObject({ action: 'export.finished', after: { rows: total } })
    expect(pinned()).toBe(false)
  })

  it('opens nothing for a HEAD request, whose body is never read', async () => {
    const seen = exportAudits(t).length
    const res = await t.app.request('/api/applications/export', { method: 'HEAD', headers: { cookie: auditor.cookie } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    await t.login('clerk.keelung')
    expect(pinned()).toBe(false)
    expect(exportAudits(t).length).toBe(seen)
  })

  it('waits for a client that stops reading: CSV writes a chunk per read, not the table', async () => {
    const audit = await readThenCancel('/api/applications/export?format=csv', 1)
    expect(audit.action).toBe('export.cancelled')
    expect(audit.after.rows).toBeGreaterThan(0)
    expect(audit.after.rows).toBeLessThan(2_000)
  })

  it('waits for a client that stops reading: XLSX holds a few chunks and a bounded backlog of sheet, not the table', async () => {
    const audit = await readThenCancel('/api/applications/export?format=xlsx', 1)
    expect(audit.action).toBe('export.cancelled')
    expect(audit.after.rows).toBeGreaterThan(0)
    expect(audit.after.rows).toBeLessThan(ROWS / 2)
  })

  it('stops at once when the client hangs up mid-download: the statement ends, the count stops, no temp files stay', async () => {
    // a Unix socket, not TCP: loopback TCP buffers take megabytes, so the whole file would be sent before the
    // hang-up; a Unix socket buffers about 200 KB, so the server is surely mid-export when the client goes
    const socketPath = path.join(dataDir, 'http.sock')
    const server = createAdaptorServer({ fetch: t.app.fetch })
    await new Promise((r) => server.listen(socketPath, () => r(null)))
    for (const format of ['csv', 'xlsx']) {
      const before = exportAudits(t).length
      const req = get({ socketPath, path: `/api/applications/export?format=${format}`, headers: { cookie: auditor.cookie } })
      // stop reading at the first bytes: the server fills the socket's buffers, then waits on them
      await new Promise<void>((resolve) => req.on('response', (res) => res.once('data', () => (res.pause(), resolve()))))
      await t.login('clerk.keelung')
      await new Promise((r) => setTimeout(r, 200))
      expect(exportAudits(t).length, 'still running while the client is paused').toBe(before + 0)
      expect(pinned()).toBe(true)
      req.destroy()
      const audit = await nextExport(before)
      expect(audit).toMatchObject({ action: 'export.cancelled', after: { format, list: 'applications' } })
      expect(audit.after.rows as number).toBeLessThan(total)
      expect(pinned()).toBe(false)
      await new Promise((r) => setTimeout(r, 100))
      expect(exportAudits(t).length).toBe(before + 1)
    }
    await new Promise((r) => server.close(r))
    expect(readdirSync(tempDir)).toEqual([])
  })
})
