import { execFileSync } from 'node:child_process'
import type Database from 'better-sqlite3'
import { startServer, freePort, type ServerProcess } from './server-process'

/** What `npm start` runs: the server bundle, made first as `npm start` makes it. */
export const SERVER_BUNDLE = 'dist-server/start.mjs'

/**
 * (e) From starting the server bundle (what `npm start` runs, after bundling) on the benchmark database to the first answer
 * of /api/health, three times; the median counts. The last server is left running for the other figures.
 */
export async function benchStartup(env: Record<string, string>): Promise<{ figure: { runsMs: number[]; medianMs: number; targetMs: number }; server: ServerProcess }> {
  const runsMs: number[] = []
  let server: ServerProcess | null = null
  execFileSync(process.execPath, ['scripts/build-server.mjs'], { stdio: 'inherit' })
  for (let i = 0; i < 3; i++) {
    await server?.stop()
    server = await startServer(SERVER_BUNDLE, env, await freePort())
    runsMs.push(server.readyMs)
  }
  const medianMs = [...runsMs].sort((a, b) => a - b)[1]!
  console.log('(e) start-up to ready with the benchmark database:')
  console.log(`  ${runsMs.map((ms) => (ms / 1000).toFixed(2) + ' s').join(', ')}; median ${(medianMs / 1000).toFixed(2)} s (target ≤ 3 s)`)
  return { figure: { runsMs, medianMs, targetMs: 3000 }, server: server! }
}

/**
 * The scheduler looks for due jobs five seconds after start (job_schedule: the first start on a fresh benchmark
 * database runs all three, and its expiry-notice run sends some twenty thousand notices); the figures are
 * taken once that look has been had and no job is held.
 */
export async function jobsSettled(sqlite: Database.Database, since: Date): Promise<void> {
  const held = sqlite.prepare('select count(*) from job_schedule where lease_holder is not null').pluck()
  const started = performance.now()
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, since.getTime() + 6_000 - Date.now())))
  while ((held.get() as number) > 0) await new Promise((resolve) => setTimeout(resolve, 250))
  console.log(`  (waited ${((performance.now() - started) / 1000).toFixed(1)} s for the scheduled jobs' runs to end)`)
}
