import { afterEach, beforeEach, expect, it } from 'vitest'
import { insertScaleData } from '../../db/seed/scale'
import { SYSTEM_ACTOR } from '../lib/audit'
import { planProblems, plansOf } from '../lib/query-plan'
import { createTestApp } from '../lib/testing'
import { sendExpiryNotices } from './expiry-notices'

let t: Awaited<ReturnType<typeof createTestApp>>
beforeEach(async () => {
  // SQLite's plans, also in a PostgreSQL run (vitest.pg.config.ts sets DATABASE_URL)
  t = await createTestApp({ DATABASE_URL: undefined })
})
afterEach(() => t.close())

/**
 * At a million certificates some twenty thousand are in the 30-day window, and each is checked for a renewal
 * under way: one index seek each, or the job holds the server for minutes (it did, before the named index).
 */
it('reads the window through the expiry index and checks each renewal by one seek on the target serial', async () => {
  insertScaleData(t.sqlite, { certificates: 3000, applications: 1000, now: t.now() })
  // the first batch runs before the job's first yield: its queries are all there is to plan
  let job: Promise<unknown> = Promise.resolve()
  const plans = plansOf(t.sqlite, (db) => {
    job = sendExpiryNotices({ db, ctx: { actor: SYSTEM_ACTOR, requestId: null, ip: null, now: t.now() } })
  })
  await job
  const renewalChecks = plans.filter((p) => p.sql.includes('target_serial'))
  expect(renewalChecks.length).toBeGreaterThan(0)
  for (const p of renewalChecks) expect(p.plan.join('\n')).toMatch(/USING INDEX applications_target_serial_idx/)
  for (const p of plans) expect(planProblems(p.plan, { ordered: true, scans: { audit_log: "the chain's last hash: rowid order backwards, one row" } }), p.sql).toEqual([])
})
