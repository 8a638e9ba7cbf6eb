import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import type { Logger } from '../lib/logger'
import { claimJob, releaseJob } from './leases'
import { runJob, type JobDeps, type JobName } from './runner'

/**
 * How often each job is due. The jobs are idempotent (the daily deadline checks dates, the weekly notice keeps
 * one per certificate per week), so running them more often than their period only makes them punctual; an
 * hourly fee-expiry run voids a slip within the hour after its due date passes.
 */
export const every: Record<JobName, number> = {
  'fee-expiry': 60 * 60_000,
  'expiry-notices': 6 * 60 * 60_000,
  'crl-refresh': 15 * 60_000,
}
/** A failed run is tried again this much later, not a whole period later. */
const RETRY_MS = 5 * 60_000
/**
 * How long a run may hold its job before another process may take it over: well past the longest run seen
 * (the first expiry-notice run on a million certificates, a few minutes). Only a holder that died waits it out.
 */
const LEASE_MS = 30 * 60_000
/** How often each process asks which jobs are due. */
const TICK_MS = 60_000

/**
 * Runs the jobs that are due and that this process manages to claim. Several processes (replicas on one
 * database) may all tick; each due job runs in exactly one of them (job_schedule).
 */
export async function runDueJobs(deps: JobDeps, holder: string, now: Date): Promise<{ job: JobName; ok: boolean; summary: unknown }[]> {
  const ran: { job: JobName; ok: boolean; summary: unknown }[] = []
  for (const job of Object.keys(every) as JobName[]) {
    if (!claimJob(deps.db, { job, holder, now, leaseMs: LEASE_MS })) continue
    const result = await runJob(job, deps, now)
    releaseJob(deps.db, { job, holder, nextDueAt: new Date(now.getTime() + (result.ok ? every[job] : RETRY_MS)) })
    ran.push({ job, ...result })
  }
  return ran
}

/** The in-process scheduler: a first look five seconds after start, then one a minute. */
export function startScheduler(deps: JobDeps & { log: Logger }): () => void {
  const holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`
  let running = false
  const tick = async () => {
    if (running) return // a long run outlasts a tick; the next tick looks again
    running = true
    try {
      for (const r of await runDueJobs(deps, holder, new Date())) {
        if (r.ok) deps.log.debug('job done', { job: r.job, summary: r.summary })
        else deps.log.error('job failed', { job: r.job, error: r.summary })
      }
    } catch (error) {
      deps.log.error('scheduler tick failed', { error: String(error) })
    } finally {
      running = false
    }
  }
  const first = setTimeout(tick, 5_000)
  const timer = setInterval(tick, TICK_MS)
  first.unref()
  timer.unref()
  return () => {
    clearTimeout(first)
    clearInterval(timer)
  }
}
