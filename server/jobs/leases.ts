import { and, eq, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { jobSchedule } from '../../db/schema'

/**
 * Claims a job that is due and not held (or held past its lease: its holder died mid-run). One statement, so
 * of two replicas asking at the same moment exactly one gets the row back, in SQLite and PostgreSQL alike.
 * A job never seen before is due at once.
 */
export function claimJob(db: Db, c: { job: string; holder: string; now: Date; leaseMs: number }): boolean {
  const now = c.now.toISOString()
  const until = new Date(c.now.getTime() + c.leaseMs).toISOString()
  const claimed = db
    .insert(jobSchedule)
    .values({ job: c.job, dueAt: now, leaseHolder: c.holder, leaseUntil: until })
    .onConflictDoUpdate({
      target: jobSchedule.job,
      set: { leaseHolder: c.holder, leaseUntil: until },
      setWhere: sql`${jobSchedule.dueAt} <= ${now} and (${jobSchedule.leaseUntil} is null or ${jobSchedule.leaseUntil} <= ${now})`,
    })
    .returning({ job: jobSchedule.job })
    .all()
  return claimed.length === 1
}

/** Ends the holder's lease and sets when the job is next due. */
export function releaseJob(db: Db, r: { job: string; holder: string; nextDueAt: Date }): void {
  db.update(jobSchedule)
    .set({ dueAt: r.nextDueAt.toISOString(), leaseHolder: null, leaseUntil: null })
    .where(and(eq(jobSchedule.job, r.job), eq(jobSchedule.leaseHolder, r.holder)))
    .run()
}
