import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type Database from 'better-sqlite3'
import { PgSyncClient } from '../db/pg/sync-client'
import { signIn } from './capture-sql'
import { clockTicksPerSecond, cpuShares, cpuSnapshot, limitVerdict, ownCores, type CpuGroup, type CpuShare } from './cpu-time'
import { LIST_PATHS, lookupKeys } from './endpoints'
import { lastError, runMix, runSequential, type LoadResult } from './load'
import { startReplicaStack, type ReplicaStack } from './replica-stack'

/**
 * (g) Issue 10: the same load on PostgreSQL through 2 replicas behind nginx against 1, on the same data, and
 * where the CPU went meanwhile. `npx tsx bench/replicas.ts` runs this section alone (BENCH_SECONDS as in run.ts).
 *
 * 50,000 certificates and 25,000 applications: the scale seed sends each row as its own statement through the
 * bridge (a round trip each), which made 100,000 take 100–113 s on this shared machine and this size about 50 s,
 * where the million rows of the SQLite figures would take well over ten minutes. The lists' keyset pages and the
 * lookups cost about what they cost at a million rows where an index answers them; what scans costs less.
 */
export const REPLICA_BENCH_CERTIFICATES = 50_000
const CONNECTIONS = 50
/** each configuration is measured this many times, alternating, and its best run counts: other work on a shared machine only ever slows a run down */
const ROUNDS = 2

/** A request of the mix: a path and the cookie of who sends it. */
interface MixRequest {
  path: string
  headers: Record<string, string>
}

interface Run extends LoadResult {
  cpu: CpuShare[]
  /** cores kept busy by the replicas, PostgreSQL, nginx and the load generator together */
  ownCores: number
  /** rps / ownCores: requests per second of CPU our processes spent, which other work on the machine barely moves */
  requestsPerCoreSecond: number
}

export async function benchReplicas(opts: { seconds: number }) {
  const stack = await startReplicaStack({ certificates: REPLICA_BENCH_CERTIFICATES })
  try {
    const { database } = stack
    const cores = os.cpus().length
    console.log(`(g) PostgreSQL, 2 replicas against 1 behind nginx: ${database.certificates} certificates, ${database.applications} applications (seeded in ${database.seedSeconds.toFixed(0)} s)`)
    const targets = await userMix(stack)
    console.log(`  a mix of ${targets.length} signed-in requests in turn (the lists and searches of (a), the lookups of (b)), ${CONNECTIONS} connections, ${opts.seconds} s each, best of ${ROUNDS}:`)
    // both replicas warm (JIT, statement caches, PostgreSQL's plans) before anything counts
    await measure(stack, 2, targets, { seconds: 2, cores })
    const runs: Record<1 | 2, Run[]> = { 1: [], 2: [] }
    for (let round = 0; round < ROUNDS; round++) {
      for (const n of [1, 2] as const) runs[n].push(await measure(stack, n, targets, { seconds: opts.seconds, cores }))
    }
    const best = (n: 1 | 2) => runs[n].reduce((a, b) => (b.rps > a.rps ? b : a))
    const one = best(1)
    const two = best(2)
    const ratio = two.rps / one.rps
    for (const [label, r] of [['1 replica ', one], ['2 replicas', two]] as const) {
      console.log(`  ${label}  ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50Ms.toFixed(1).padStart(6)} ms  p99 ${r.p99Ms.toFixed(1).padStart(6)} ms`)
    }
    console.log(`  ratio 2/1: ${ratio.toFixed(2)}`)
    console.log(`  share of the ${cores} cores during each best run:   1 replica   2 replicas`)
    for (const [i, s] of one.cpu.entries()) console.log(`    ${s.name.padEnd(40)} ${pct(s.share).padStart(9)} ${pct(two.cpu[i]!.share).padStart(12)}`)
    const limits = { oneReplica: limitVerdict(one.cpu, cores), twoReplicas: limitVerdict(two.cpu, cores) }
    console.log(`  1 replica: ${limits.oneReplica}\n  2 replicas: ${limits.twoReplicas}`)
    console.log(`  our processes kept ${one.ownCores.toFixed(2)} and ${two.ownCores.toFixed(2)} cores busy: ${one.requestsPerCoreSecond.toFixed(0)} and ${two.requestsPerCoreSecond.toFixed(0)} requests per CPU-second`)
    const perRequest = await eachAlone(stack, targets)
    return { database, connections: CONNECTIONS, seconds: opts.seconds, cores, oneReplica: one, twoReplicas: two, ratio, limits, perRequest, runs }
  } finally {
    await stack.stop()
  }
}

const pct = (x: number) => `${(x * 100).toFixed(0)} %`

/** The lists and searches of (a) as the auditor, the lookup by each key of (b) as the help desk, through nginx. */
async function userMix(stack: ReplicaStack): Promise<MixRequest[]> {
  const via = { request: (p: string, init: RequestInit) => fetch(stack.set.url + p, init) }
  const auditor = await signIn(via, 'auditor')
  const helpdesk = await signIn(via, 'helpdesk')
  const client = new PgSyncClient(stack.databaseUrl)
  // the bridge answers the better-sqlite3 calls lookupKeys makes (prepare, pluck, get)
  const keys = lookupKeys(client as unknown as Database.Database)
  client.close()
  return [
    ...LIST_PATHS.map((p) => ({ path: p, headers: { cookie: auditor } })),
    ...Object.values(keys).map((k) => ({ path: `/api/lookup?q=${encodeURIComponent(k)}`, headers: { cookie: helpdesk } })),
  ]
}

/** What each request of the mix costs by itself (one at a time through replica 1): which of them the load's time goes to. */
async function eachAlone(stack: ReplicaStack, mix: MixRequest[]) {
  console.log('  each request of the mix alone, one at a time, p50 (ms):')
  const figures: { path: string; p50Ms: number; p99Ms: number }[] = []
  for (const t of mix) {
    const r = await runSequential(stack.oneReplica.url + t.path, 20, t.headers)
    figures.push({ path: decodeURIComponent(t.path), p50Ms: r.p50Ms, p99Ms: r.p99Ms })
  }
  for (let i = 0; i < figures.length; i += 3) console.log('    ' + figures.slice(i, i + 3).map((f) => `${f.path.replace('/api/', '')} ${f.p50Ms.toFixed(1)}`).join(' · '))
  return figures
}

/** One load run through the nginx of `replicas`, with every process's CPU time sampled before and after. */
async function measure(stack: ReplicaStack, replicas: 1 | 2, mix: MixRequest[], o: { seconds: number; cores: number }): Promise<Run> {
  const base = replicas === 1 ? stack.oneReplica.url : stack.set.url
  const groups: CpuGroup[] = [
    ...stack.set.replicas.map((r, i) => ({ name: `replica ${i + 1} (node)`, pids: [r.pid()], tree: true })),
    { name: 'PostgreSQL (postmaster and backends)', pids: [stack.postgres.postmasterPid()], tree: true },
    { name: 'nginx (master and worker)', pids: [stack.oneReplica.pid, stack.set.nginx.pid], tree: true },
    // this process alone: its children (the replicas, nginx) are counted above
    { name: 'load generator (this process)', pids: [process.pid], tree: false },
  ]
  const before = cpuSnapshot()
  const load = await runMix(mix.map((t) => ({ url: base + t.path, headers: t.headers })), { connections: CONNECTIONS, seconds: o.seconds })
  const after = cpuSnapshot()
  if (load.errors) throw new Error(`${replicas} replica(s): ${load.errors} of ${load.requests} requests failed (last: ${lastError})`)
  const cpu = cpuShares(groups, before, after, { cores: o.cores, hz: clockTicksPerSecond() })
  const busy = ownCores(cpu, o.cores)
  return { ...load, cpu, ownCores: busy, requestsPerCoreSecond: load.rps / busy }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const replicas = await benchReplicas({ seconds: Number(process.env.BENCH_SECONDS ?? 5) })
  // run alone, it replaces its own figure in the last full run's results and keeps the others
  const file = 'bench/results/latest.json'
  const results = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {}
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, JSON.stringify({ ...results, replicas: { at: new Date().toISOString(), ...replicas } }, null, 2) + '\n')
  console.log(`\nWritten to ${file} (replicas)`)
}
