import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import Database from 'better-sqlite3'
import { openDatabase } from '../db/client'
import { readEnv } from '../server/env'
import { signIn } from './capture-sql'
import { benchLists, LIST_PATHS } from './endpoints'
import { freePort, startServer } from './server-process'
import { jobsSettled, SERVER_BUNDLE } from './startup'

/**
 * Section (a) of `npm run bench` alone, on the database of DATA_DIR as it is (not seeded here): the server
 * bundle against the bare server over 50 connections, each path or the paths given as arguments.
 * `DATA_DIR=… npx tsx bench/lists-only.ts [path…]`; BENCH_SECONDS sets each run's length (default 5),
 * BENCH_ROUNDS how many times bare and Certdesk alternate on each path (default 2, averaged).
 * Writes bench/results/lists-only.json.
 */
const env = readEnv()
const paths = process.argv.slice(2).length ? process.argv.slice(2) : LIST_PATHS
openDatabase(env.dbFile).close() // migrations first, as npm run bench does
execFileSync(process.execPath, ['scripts/build-server.mjs'], { stdio: 'inherit' })
const started = new Date()
// the API alone: these figures need no web app
const server = await startServer(SERVER_BUNDLE, { DATA_DIR: env.DATA_DIR, NO_WEB_BUILD: '1' }, await freePort())
let lists
try {
  const sqlite = new Database(env.dbFile, { readonly: true })
  await jobsSettled(sqlite, started)
  sqlite.close()
  const auditor = await signIn({ request: (p, init) => fetch(server.url + p, init) }, 'auditor')
  lists = await benchLists(env, server, auditor, { seconds: Number(process.env.BENCH_SECONDS ?? 5), rounds: Number(process.env.BENCH_ROUNDS ?? 2), paths })
} finally {
  await server.stop()
}
mkdirSync('bench/results', { recursive: true })
writeFileSync('bench/results/lists-only.json', JSON.stringify({ at: new Date().toISOString(), lists }, null, 2) + '\n')
