import { execFileSync } from 'node:child_process'
import http from 'node:http'
import type Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { certificateListQuery } from '../core/contracts/certificates'
import * as schema from '../db/schema'
import { certificatesQuery } from '../server/modules/certificates/certificates.repo'
import { certificateFilter } from '../server/modules/certificates/certificates.service'
import type { ServerProcess } from './server-process'

/**
 * (c) The certificate registry exported as CSV, all of it, over HTTP from a freshly started server, against the
 * sqlite3 command-line tool running the very statements the export runs (one index walk per status, merged by SQLite) with
 * `-csv`. The server's peak resident memory during the export is read from the kernel, its peak counter
 * started over just before.
 */
export async function benchExport(sqlite: Database.Database, server: ServerProcess, cookie: string) {
  ensureSqliteCli()
  const rows = sqlite.prepare('select count(*) from certificates').pluck().get() as number
  const statements = exportStatements(sqlite)
  const cliMs = median(
    [0, 1, 2].map(() => {
      const started = performance.now()
      runCli(sqlite.name, statements)
      return performance.now() - started
    }),
  )
  // the export's own peak: start-up and the scheduled jobs' first runs have their own, before it (reported too)
  const sinceStart = server.memory().peakRssMb
  server.resetPeak()
  const before = server.memory()
  const ours = await download(`${server.url}/api/certificates/export?format=csv`, cookie)
  const after = server.memory()
  const lines = ours.newlines - 1 // the header
  if (lines !== rows) throw new Error(`the export wrote ${lines} rows, the table has ${rows}`)
  const ratio = ours.ms / cliMs
  console.log('(c) CSV export of the certificate registry:')
  console.log(`  ${rows.toLocaleString('en')} rows, ${(ours.bytes / 1e6).toFixed(0)} MB in ${(ours.ms / 1000).toFixed(2)} s; sqlite3 -csv ${(cliMs / 1000).toFixed(2)} s  ratio ${ratio.toFixed(2)} (target ≤ 2)`)
  console.log(`  server RSS ${before.rssMb.toFixed(0)} MB before, peak during the export ${after.peakRssMb.toFixed(0)} MB (target ≤ 200; peak before it, start-up and jobs: ${sinceStart.toFixed(0)} MB)`)
  return { rows, bytes: ours.bytes, oursMs: ours.ms, sqliteCliMs: cliMs, ratio, target: 2, rssBeforeMb: before.rssMb, peakRssMb: after.peakRssMb, rssTargetMb: 200, peakBeforeExportMb: sinceStart }
}

/** The export's statements for an auditor (all offices) with no filter, parameters written in. */
function exportStatements(sqlite: Database.Database): string[] {
  const db = drizzle(sqlite, { schema })
  const query = certificateListQuery.parse({})
  const filter = certificateFilter({ user: { officeCode: 'I' } as Parameters<typeof certificateFilter>[0]['user'], query, now: new Date() })
  return [inline(certificatesQuery(db, filter).toSQL())]
}

function inline({ sql, params }: { sql: string; params: unknown[] }): string {
  let i = 0
  return sql.replace(/\?/g, () => {
    const v = params[i++]
    return typeof v === 'number' ? String(v) : `'${String(v).replaceAll("'", "''")}'`
  })
}

function runCli(file: string, statements: string[]): void {
  execFileSync('sh', ['-c', `sqlite3 -readonly -csv -header "$0" > /dev/null`, file], { input: statements.map((s) => s + ';').join('\n'), maxBuffer: 1 << 20 })
}

function ensureSqliteCli(): void {
  try {
    execFileSync('sqlite3', ['-version'], { stdio: 'ignore' })
  } catch {
    if (process.getuid?.() !== 0) throw new Error('The export figure compares with the sqlite3 command-line tool: sudo apt-get install -y sqlite3')
    console.log('Installing the sqlite3 command-line tool (apt-get)…')
    execFileSync('sh', ['-c', 'DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlite3 >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlite3 >/dev/null)'], { stdio: 'inherit' })
  }
}

function download(url: string, cookie: string): Promise<{ ms: number; bytes: number; newlines: number }> {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { cookie } }, (res) => {
        if (res.statusCode !== 200) return reject(new Error(`export answered ${res.statusCode}`))
        let bytes = 0
        let newlines = 0
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length
          for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) newlines++
        })
        res.on('end', () => resolve({ ms: performance.now() - started, bytes, newlines }))
      })
      .on('error', reject)
  })
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
