import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { jobRuns } from '../../db/schema'
import { SYSTEM_ACTOR } from '../lib/audit'
import type { CaSettings } from '../modules/ca/ca.settings'
import { voidOverdueSlips } from '../modules/fee-slips/fee-slips.expiry'
import { refreshCrls } from './crl-refresh'
import { sendExpiryNotices } from './expiry-notices'

export interface JobDeps {
  db: Db
  ca: CaSettings
}

/** Every scheduled job by name; each is idempotent, so a run repeated or overlapping changes nothing more. */
export const jobs = {
  'fee-expiry': (d: JobDeps, now: Date) => Promise.resolve(voidOverdueSlips({ db: d.db, ctx: { actor: SYSTEM_ACTOR, requestId: null, ip: null, now } })),
  'expiry-notices': (d: JobDeps, now: Date) => Promise.resolve(sendExpiryNotices({ db: d.db, ctx: { actor: SYSTEM_ACTOR, requestId: null, ip: null, now } })),
  'crl-refresh': async (d: JobDeps, now: Date) => ({ refreshed: await refreshCrls({ db: d.db, settings: d.ca, now }) }),
} as const
export type JobName = keyof typeof jobs

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(jobs, name)
}

/** Runs one job and records the run (start, end, what it did, or the error). */
export async function runJob(name: JobName, deps: JobDeps, now: Date): Promise<{ ok: boolean; summary: unknown }> {
  const { id } = deps.db.insert(jobRuns).values({ job: name, startedAt: now.toISOString(), status: 'running' }).returning({ id: jobRuns.id }).get()
  try {
    const summary = await jobs[name](deps, now)
    deps.db.update(jobRuns).set({ status: 'ok', finishedAt: new Date().toISOString(), summary: JSON.stringify(summary) }).where(eq(jobRuns.id, id)).run()
    return { ok: true, summary }
  } catch (err) {
    deps.db.update(jobRuns).set({ status: 'failed', finishedAt: new Date().toISOString(), error: String(err instanceof Error ? (err.stack ?? err.message) : err) }).where(eq(jobRuns.id, id)).run()
    return { ok: false, summary: String(err) }
  }
}
