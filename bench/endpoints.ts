import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type Database from 'better-sqlite3'
import type { Env } from '../server/env'
import { captureSql } from './capture-sql'
import { lastError, runLoad, runSequential, type LoadResult } from './load'
import { freePort, startServer, type ServerProcess } from './server-process'

/** (a) the list and search endpoints clerks and auditors use most, first pages with their usual filters */
export const LIST_PATHS = [
  '/api/applications',
  '/api/applications?status=00',
  '/api/applications?q=52111891',
  '/api/applications?q=%E5%A0%B1%E9%97%9C', // 報關: a company-name search
  '/api/certificates',
  '/api/certificates?status=revoked',
  '/api/certificates?q=52111891',
  '/api/audit',
]

/** (b) one value of each kind the lookup box takes, read from the benchmark database */
export function lookupKeys(sqlite: Database.Database): Record<string, string> {
  const one = (sql: string) => (sqlite.prepare(sql).pluck().get() as string | undefined) ?? ''
  return {
    accountId: one("select account_id from portal_accounts order by id limit 1"),
    nationalId: one('select national_id from brokers order by code limit 1'),
    ubn: '52111891',
    brokerCode: 'A00002',
    certificateSerial: one('select serial_hex from certificates where id = (select max(id) / 2 from certificates)'),
    applicationNo: one('select application_no from applications where id = (select max(id) / 2 from applications)'),
    feeSlipNo: one('select slip_no from fee_slips where id = (select max(id) / 2 from fee_slips)'),
  }
}

export interface EndpointFigure {
  path: string
  ours: LoadResult
  bare: LoadResult
  /** ours.rps / bare.rps, target ≥ 0.8 */
  ratio: number
}

/** Starts the bare Hono + better-sqlite3 server with the statements Certdesk ran for each path. */
async function startBare(env: Env, routes: object): Promise<ServerProcess> {
  const file = path.join(tmpdir(), `certdesk-bench-routes-${process.pid}.json`)
  writeFileSync(file, JSON.stringify(routes))
  return startServer('bench/bare-server.ts', { BARE_DB: env.dbFile, BARE_ROUTES: file }, await freePort())
}

/**
 * (a) Each path against the bare server, alternating: `rounds` pairs of runs (default 1), averaged, so that a
 * machine whose load changes during the run moves both sides alike.
 */
export async function benchLists(env: Env, ours: ServerProcess, cookie: string, opts: { seconds: number; paths?: string[]; rounds?: number }) {
  const paths = opts.paths ?? LIST_PATHS
  const routes = await captureSql(env, 'auditor', paths)
  const bare = await startBare(env, routes)
  const figures: EndpointFigure[] = []
  console.log(`(a) list and search endpoints, 50 connections, ${opts.seconds} s each:`)
  try {
    for (const p of paths) {
      const bs: LoadResult[] = []
      const os: LoadResult[] = []
      for (let r = 0; r < (opts.rounds ?? 1); r++) {
        bs.push(await runLoad(bare.url + p, { connections: 50, seconds: opts.seconds }))
        os.push(await runLoad(ours.url + p, { connections: 50, seconds: opts.seconds, headers: { cookie } }))
      }
      const b = mean(bs)
      const o = mean(os)
      if (o.errors || b.errors) throw new Error(`${p}: ${o.errors} errors from Certdesk, ${b.errors} from the baseline (last: ${lastError})`)
      const ratio = o.rps / b.rps
      figures.push({ path: p, ours: o, bare: b, ratio })
      console.log(`  ${decodeURIComponent(p).padEnd(36)} ${o.rps.toFixed(0).padStart(6)} req/s (bare ${b.rps.toFixed(0).padStart(6)})  ratio ${ratio.toFixed(2)}  p99 ${o.p99Ms.toFixed(1)} ms (bare ${b.p99Ms.toFixed(1)})`)
    }
  } finally {
    await bare.stop()
  }
  return { target: 0.8, figures, worstRatio: Math.min(...figures.map((f) => f.ratio)) }
}

function mean(runs: LoadResult[]): LoadResult {
  if (runs.length === 1) return runs[0]!
  const avg = (f: (r: LoadResult) => number) => runs.reduce((sum, r) => sum + f(r), 0) / runs.length
  return { requests: avg((r) => r.requests), rps: avg((r) => r.rps), p50Ms: avg((r) => r.p50Ms), p99Ms: avg((r) => r.p99Ms), errors: runs.reduce((sum, r) => sum + r.errors, 0) }
}

export async function benchLookup(env: Env, sqlite: Database.Database, ours: ServerProcess, cookie: string, opts: { requests: number }) {
  const keys = lookupKeys(sqlite)
  const paths = Object.fromEntries(Object.entries(keys).map(([kind, value]) => [kind, `/api/lookup?q=${encodeURIComponent(value)}`]))
  const routes = await captureSql(env, 'helpdesk', Object.values(paths))
  const bare = await startBare(env, routes)
  console.log(`(b) lookup by each key, one request at a time, ${opts.requests} each:`)
  const figures: Record<string, { key: string; p50Ms: number; p99Ms: number; bareP50Ms: number; bareP99Ms: number; ratioP50: number }> = {}
  try {
    for (const [kind, p] of Object.entries(paths)) {
      const b = await runSequential(bare.url + p, opts.requests)
      const o = await runSequential(ours.url + p, opts.requests, { cookie })
      if (o.errors) throw new Error(`lookup ${kind}: ${o.errors} errors`)
      figures[kind] = { key: keys[kind]!, p50Ms: o.p50Ms, p99Ms: o.p99Ms, bareP50Ms: b.p50Ms, bareP99Ms: b.p99Ms, ratioP50: b.p50Ms / o.p50Ms }
      console.log(`  ${kind.padEnd(18)} p50 ${o.p50Ms.toFixed(2).padStart(6)} ms  p99 ${o.p99Ms.toFixed(2).padStart(6)} ms   (bare p50 ${b.p50Ms.toFixed(2)}, p99 ${b.p99Ms.toFixed(2)})  ratio ${(b.p50Ms / o.p50Ms).toFixed(2)}`)
    }
  } finally {
    await bare.stop()
  }
  return figures
}

