import type { Logger } from '../lib/logger'
import { runJob, type JobDeps, type JobName } from './runner'

/**
 * The in-process scheduler: each job on its own interval. The jobs are idempotent (the daily deadline checks
 * dates, the weekly notice keeps one per certificate per week), so running them more often than their period
 * only makes them punctual; an hourly fee-expiry run voids a slip within the hour after its due date passes.
 */
const every: Record<JobName, number> = {
  'fee-expiry': 60 * 60_000,
  'expiry-notices': 6 * 60 * 60_000,
  'crl-refresh': 15 * 60_000,
}

export function startScheduler(deps: JobDeps & { log: Logger }): () => void {
  const timers = (Object.keys(every) as JobName[]).map((name) => {
    const run = () =>
      runJob(name, deps, new Date()).then((r) => (r.ok ? deps.log.debug('job done', { job: name, summary: r.summary }) : deps.log.error('job failed', { job: name, error: r.summary })))
    const timer = setInterval(run, every[name])
    timer.unref()
    setTimeout(run, 5_000).unref()
    return timer
  })
  return () => timers.forEach(clearInterval)
}
