import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import Database from 'better-sqlite3'
import { readEnv } from '../server/env'
import { benchBundles } from './bundles'
import { signIn } from './capture-sql'
import { benchLists, benchLookup } from './endpoints'
import { benchLists as benchListQueries } from './lists'
import { openDatabase } from '../db/client'
import { benchExport } from './export'
import { benchPkiInspect } from './pki-inspect'
import { benchReplicas } from './replicas'
import { benchSignedInRequest } from './signed-in-request'
import { benchStartup, jobsSettled } from './startup'

/**
 * `npm run bench`: each figure is a ratio against a baseline measured in the same run, so a slow or busy
 * machine moves both sides. The scale figures run on the database of DATA_DIR (./data by default), seeded
 * first with `npm run seed -- --scale` (done here when it holds fewer than a million certificates). The replica
 * figure (g) runs on a throwaway PostgreSQL instead, installed when missing (scripts/ensure-postgres.sh).
 * Results go to bench/results/latest.json; docs/performance.md explains them.
 */
const env = readEnv()
const serverEnv = { DATA_DIR: env.DATA_DIR }
const SCALE = 1_000_000

const sqlite = new Database(env.dbFile, { fileMustExist: false })
const certificates = tableCount(sqlite, 'certificates')
if (certificates < SCALE) {
  sqlite.close()
  console.log(`${env.dbFile} holds ${certificates} certificates: seeding the benchmark data (npm run seed -- --scale)…`)
  execFileSync(process.execPath, ['--import', 'tsx', 'server/cli/seed.ts', '--scale'], { stdio: 'inherit', env: { ...process.env, ...serverEnv } })
}
// migrations first (a new index on a million rows takes a while), so that the start-up figure is a start-up
openDatabase(env.dbFile).close()
const db = new Database(env.dbFile, { readonly: true })
const counts = { certificates: tableCount(db, 'certificates'), applications: tableCount(db, 'applications'), feeSlips: tableCount(db, 'fee_slips'), auditRows: tableCount(db, 'audit_log') }
console.log(`Benchmark database ${env.dbFile}: ${JSON.stringify(counts)}\n`)

console.log('Building the web app (vite build)…')
execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' })

console.log('(f) each list in process: first page with its count, second page, a deep page (median ms), count:')
const listQueries = benchListQueries(env.dbFile)

const { figure: startup, server } = await benchStartup(serverEnv)
const results: Record<string, unknown> = { at: new Date().toISOString(), database: counts, startup, listQueries }
try {
  await jobsSettled(db, new Date(Date.now() - startup.runsMs.at(-1)!))
  const auditor = await signIn({ request: (p, init) => fetch(server.url + p, init) }, 'auditor')
  results.export = await benchExport(db, server, auditor)
  results.bundles = await benchBundles(server.url)
  results.lists = await benchLists(env, server, auditor, { seconds: Number(process.env.BENCH_SECONDS ?? 5) })
  const helpdesk = await signIn({ request: (p, init) => fetch(server.url + p, init) }, 'helpdesk')
  results.lookup = await benchLookup(env, db, server, helpdesk, { requests: 300 })
} finally {
  await server.stop()
}
console.log('')
results.signedInRequest = await benchSignedInRequest()
results.pkiInspect = await benchPkiInspect()
db.close()
console.log('')
// on a PostgreSQL cluster of its own, seeded smaller (bench/replicas.ts says why); the SQLite server has stopped
results.replicas = await benchReplicas({ seconds: Number(process.env.BENCH_SECONDS ?? 5) })

mkdirSync('bench/results', { recursive: true })
writeFileSync('bench/results/latest.json', JSON.stringify(results, null, 2) + '\n')
console.log('\nWritten to bench/results/latest.json')

function tableCount(sqlite: Database.Database, table: string): number {
  try {
    return sqlite.prepare(`select count(*) from ${table}`).pluck().get() as number
  } catch {
    return 0 // a database not made yet
  }
}
