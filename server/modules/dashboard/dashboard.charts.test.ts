import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type Session } from '../../lib/testing'
import { decided, forms, submitted } from './dashboard.fixtures'

let t: Awaited<ReturnType<typeof createTestApp>>
let clerkAA: Session, supervisorAA: Session, clerkCA: Session, supervisorCA: Session, admin: Session
/** Moves the clock and signs everyone in again: sessions end after 30 idle minutes. */
async function later(ms: number) {
  t.advance(ms)
  clerkAA = await t.login('clerk.keelung')
  supervisorAA = await t.login('supervisor.keelung')
  clerkCA = await t.login('clerk.taipei')
  supervisorCA = await t.login('supervisor.taipei')
  admin = await t.login('admin')
}
beforeEach(async () => {
  t = await createTestApp() // the clock starts on Friday 2026-11-20, 10:00 in Taipei
  await later(0)
})
afterEach(() => t.close())

const HOUR = 3_600_000
const DAY = 24 * HOUR
const dashboard = async (as: Session, query = '') => {
  const res = await t.call('GET', `/api/dashboard${query}`, { as, headers: { 'accept-language': 'en' } })
  expect(res.status, JSON.stringify(res.json)).toBe(200)
  return res.json
}
type Week = { week: string; received: number; decided: number }
const busyWeeks = (d: { charts: { applicationsPerWeek: Week[] } }) => d.charts.applicationsPerWeek.filter((w) => w.received || w.decided)
const none = { '00': 0, R0: 0, '10': 0, '20': 0, A0: 0, A9: 0 }

describe('the dashboard charts: applications', () => {
  beforeEach(async () => {
    const k1 = await submitted(t, clerkAA, forms.keelungA00001)
    const k2 = await submitted(t, clerkAA, forms.keelungA00002)
    const t1 = await submitted(t, clerkCA, forms.taipeiCorporate)
    await later(2 * DAY + 13.5 * HOUR) // Sunday 23:30 in Taipei: still the week of Monday 11-16
    await submitted(t, clerkAA, forms.keelungCorporate)
    await later(HOUR) // Monday 00:30 in Taipei (Sunday in UTC): the next week
    await submitted(t, clerkAA, forms.keelungA00003)
    await later(9.5 * HOUR) // three days after the first three were received
    await decided(t, supervisorAA, k1, 'approve')
    await decided(t, supervisorCA, t1, 'reject')
    await later(1.5 * DAY) // Tuesday 11-24, 22:00 in Taipei
    await decided(t, supervisorAA, k2, 'reject')
  })

  it('counts received and decided per Taipei week, review days per office and overall, and statuses by office', async () => {
    const d = await dashboard(admin)
    expect(d.scope).toBe('all')
    expect(d.periods).toEqual({ weeks: { from: '2026-09-07', to: '2026-11-24' }, months: { from: '2025-12-01', to: '2026-11-24' } })
    expect(d.charts.applicationsPerWeek).toHaveLength(12)
    expect(busyWeeks(d)).toEqual([{ week: '2026-11-16', received: 4, decided: 0 }, { week: '2026-11-23', received: 1, decided: 3 }])
    expect(d.charts.reviewTime).toEqual({
      overall: { decided: 3, averageDays: 3.5 },
      byOffice: [
        { officeCode: 'AA', decided: 2, averageDays: 3.75 },
        { officeCode: 'CA', decided: 1, averageDays: 3 },
        { officeCode: 'DA', decided: 0, averageDays: null },
        { officeCode: 'BA', decided: 0, averageDays: null },
      ],
    })
    expect(d.charts.applicationsByOffice).toEqual([
      { officeCode: 'AA', byStatus: { ...none, '00': 2, R0: 1, '10': 1 } },
      { officeCode: 'CA', byStatus: { ...none, R0: 1 } },
      { officeCode: 'DA', byStatus: none },
      { officeCode: 'BA', byStatus: none },
    ])
  })

  it('keeps a Keelung clerk to Keelung even when the query names Taipei', async () => {
    for (const query of ['', '?office=CA']) {
      const d = await dashboard(clerkAA, query)
      expect(d.scope, query).toBe('AA')
      expect(busyWeeks(d)).toEqual([{ week: '2026-11-16', received: 3, decided: 0 }, { week: '2026-11-23', received: 1, decided: 2 }])
      expect(d.charts.reviewTime).toEqual({ overall: { decided: 2, averageDays: 3.75 }, byOffice: [{ officeCode: 'AA', decided: 2, averageDays: 3.75 }] })
      expect(d.charts.applicationsByOffice.map((o: { officeCode: string }) => o.officeCode)).toEqual(['AA'])
      expect(d.charts.certificatesExpiring.map((o: { officeCode: string }) => o.officeCode)).toEqual(['AA'])
      expect(d.firms).toBe(2)
    }
  })

  it('lets headquarters pick one office for the cards and the charts', async () => {
    const d = await dashboard(admin, '?office=CA')
    expect(d.scope).toBe('CA')
    expect(d.firms).toBe(2)
    expect(busyWeeks(d)).toEqual([{ week: '2026-11-16', received: 1, decided: 0 }, { week: '2026-11-23', received: 0, decided: 1 }])
    expect(d.charts.reviewTime.overall).toEqual({ decided: 1, averageDays: 3 })
    expect(d.charts.applicationsByOffice).toEqual([{ officeCode: 'CA', byStatus: { ...none, R0: 1 } }])
  })

  it('counts only inside a given period, whose days are Taipei days', async () => {
    const d = await dashboard(admin, '?from=2026-11-23&to=2026-11-23')
    expect(d.periods).toEqual({ weeks: { from: '2026-11-23', to: '2026-11-23' }, months: { from: '2026-11-23', to: '2026-11-23' } })
    expect(d.charts.applicationsPerWeek).toEqual([{ week: '2026-11-23', received: 1, decided: 2 }])
    expect(d.charts.reviewTime.overall).toEqual({ decided: 2, averageDays: 3 })
    expect(d.charts.feesPerMonth).toEqual([{ month: '2026-11', issued: 1, paid: 0, voided: 0, revenue: 0 }])
  })
})
