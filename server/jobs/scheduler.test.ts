import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp } from '../lib/testing'
import { claimJob } from './leases'
import { every, runDueJobs } from './scheduler'

let t: Awaited<ReturnType<typeof createTestApp>>
beforeEach(async () => {
  t = await createTestApp({}, { ca: true })
})
afterEach(() => t.close())

const MINUTE = 60_000
const runs = () => t.sqlite.prepare('select job from job_runs order by id').all().map((r) => (r as { job: string }).job)
const tick = (holder: string) => runDueJobs({ db: t.db, ca: t.ca }, holder, t.now())

describe('scheduled jobs across replicas (job_schedule)', () => {
  it('runs each due job in exactly one of two replicas ticking at the same moment, then not again until it is due', async () => {
    const [a, b] = await Promise.all([tick('replica-a'), tick('replica-b')])
    const ran = [...a, ...b].map((r) => r.job).sort()
    expect(ran).toEqual(Object.keys(every).sort())
    expect(runs().sort()).toEqual(Object.keys(every).sort())

    t.advance(10 * MINUTE)
    expect(await Promise.all([tick('replica-a'), tick('replica-b')])).toEqual([[], []])

    // the CRL refresh is due every 15 minutes, the fee deadline hourly
    t.advance(6 * MINUTE)
    const [a2, b2] = await Promise.all([tick('replica-b'), tick('replica-a')])
    expect([...a2, ...b2].map((r) => r.job)).toEqual(['crl-refresh'])
    t.advance(45 * MINUTE)
    const [a3, b3] = await Promise.all([tick('replica-a'), tick('replica-b')])
    expect([...a3, ...b3].map((r) => r.job).sort()).toEqual(['crl-refresh', 'fee-expiry'])
    expect(runs()).toHaveLength(6)
  })

  it('leaves a job held by a replica that died mid-run alone until its lease ends, then another takes it over', async () => {
    expect(claimJob(t.db, { job: 'fee-expiry', holder: 'died', now: t.now(), leaseMs: 30 * MINUTE })).toBe(true)
    t.advance(29 * MINUTE)
    expect((await tick('replica-a')).map((r) => r.job)).not.toContain('fee-expiry')
    t.advance(2 * MINUTE)
    expect((await tick('replica-a')).map((r) => r.job)).toContain('fee-expiry')
    expect(runs().filter((j) => j === 'fee-expiry')).toHaveLength(1)
    expect(t.sqlite.prepare("select lease_holder from job_schedule where job = 'fee-expiry'").get()).toEqual({ lease_holder: null })
  })
})
