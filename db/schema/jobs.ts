import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** Every run of a scheduled job, with what it did or why it failed. */
export const jobRuns = sqliteTable(
  'job_runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    job: text('job').notNull(),
    startedAt: text('started_at').notNull(),
    finishedAt: text('finished_at'),
    status: text('status', { enum: ['running', 'ok', 'failed'] }).notNull(),
    summary: text('summary'),
    error: text('error'),
  },
  (t) => [index('job_runs_job_idx').on(t.job, t.id)],
)

/** The weekly expiry notice: at most one per certificate per cycle (ISO week, e.g. 2026-W47). */
export const expiryNotices = sqliteTable(
  'expiry_notices',
  {
    certificateId: integer('certificate_id').notNull(),
    cycle: text('cycle').notNull(),
    sentAt: text('sent_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.certificateId, t.cycle] })],
)

/**
 * When each scheduled job is next due, and which server process holds it while it runs. Every replica asks
 * at its own pace; the one whose claim lands runs the job, the others find it leased or not yet due. A lease
 * ends with the run, or at `lease_until` when its holder died mid-run.
 */
export const jobSchedule = sqliteTable('job_schedule', {
  job: text('job').primaryKey(),
  dueAt: text('due_at').notNull(),
  leaseHolder: text('lease_holder'),
  leaseUntil: text('lease_until'),
})
