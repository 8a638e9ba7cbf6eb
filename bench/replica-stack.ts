import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PgSyncClient } from '../db/pg/sync-client'
import { startTestPostgres, type TestPostgres } from '../db/pg/test-server'
import { startNginx, type Nginx } from '../deploy/nginx'
import { freePort, startReplicaSet, type ReplicaSet } from '../deploy/replica-set'
import { every } from '../server/jobs/scheduler'

/** What the replica benchmark runs on: one seeded cluster, two replicas, and two nginx in front of them. */
export interface ReplicaStack {
  databaseUrl: string
  /** nginx over the first replica alone */
  oneReplica: Nginx
  /** nginx over both: the replica set's own */
  set: ReplicaSet
  postgres: TestPostgres
  database: { certificates: number; applications: number; feeSlips: number; seedSeconds: number }
  stop(): Promise<void>
}

/**
 * A throwaway PostgreSQL cluster (installed first by scripts/ensure-postgres.sh when missing), seeded by
 * `npm run seed -- --scale N` as a user would, then two replicas (the bundle `npm start` runs) and nginx twice:
 * over replica 1 alone, and over both. Both figures then run on the same data and the same processes; the
 * second replica sits idle while the first is measured alone. Whatever started is stopped if a later step fails.
 */
export async function startReplicaStack(o: { certificates: number }): Promise<ReplicaStack> {
  execFileSync('bash', ['scripts/ensure-postgres.sh'], { stdio: 'inherit' })
  const postgres = await startTestPostgres()
  const dataDir = mkdtempSync(path.join(tmpdir(), 'certdesk-bench-replicas-'))
  let set: ReplicaSet | null = null
  let oneReplica: Nginx | null = null
  const stop = async () => {
    process.off('SIGINT', interrupted)
    process.off('SIGTERM', interrupted)
    await oneReplica?.stop()
    await set?.stop()
    postgres.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
  // Ctrl-C would end this process without its finally blocks, leaving the cluster and its folder behind
  const interrupted = () => void stop().finally(() => process.exit(130))
  process.once('SIGINT', interrupted)
  process.once('SIGTERM', interrupted)
  try {
    const env = { ...process.env, DATABASE_URL: postgres.url, DATA_DIR: dataDir, LOG_LEVEL: 'warn' }
    const started = performance.now()
    execFileSync(process.execPath, ['--import', 'tsx', 'server/cli/seed.ts', '--scale', String(o.certificates)], { stdio: ['ignore', 'ignore', 'inherit'], env })
    const seedSeconds = (performance.now() - started) / 1000
    // no SPA build: the load is API requests only
    set = await startReplicaSet({ replicas: 2, databaseUrl: postgres.url, dataDir, env: { NO_WEB_BUILD: '1' }, quiet: true })
    const firstPort = Number(new URL(set.replicas[0]!.url).port)
    oneReplica = await startNginx({ port: await freePort(), upstreams: [firstPort], dir: path.join(dataDir, 'nginx-one') })
    const database = { ...countRows(postgres.url), seedSeconds }
    await jobsSettled(postgres.url)
    return { databaseUrl: postgres.url, oneReplica, set, postgres, database, stop }
  } catch (error) {
    await stop()
    throw error
  }
}

function countRows(url: string) {
  const client = new PgSyncClient(url)
  try {
    const count = (table: string) => client.prepare(`select count(*) from ${table}`).pluck().get() as number
    return { certificates: count('certificates'), applications: count('applications'), feeSlips: count('fee_slips') }
  } finally {
    client.close()
  }
}

/**
 * The replicas' first scheduler look (five seconds after start) runs every job on this fresh database, the
 * expiry notices for thousands of certificates among them: the load waits until each job has run and is next
 * due later, so it does not measure a replica busy with a job.
 */
async function jobsSettled(url: string): Promise<void> {
  const client = new PgSyncClient(url)
  const jobs = Object.keys(every).length
  const settled = client.prepare('select count(*) from job_schedule where lease_holder is null and due_at > ?').pluck()
  const deadline = Date.now() + 600_000
  try {
    while ((settled.get(new Date().toISOString()) as number) < jobs) {
      if (Date.now() > deadline) throw new Error('the scheduled jobs had not all run after 10 minutes')
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  } finally {
    client.close()
  }
}
