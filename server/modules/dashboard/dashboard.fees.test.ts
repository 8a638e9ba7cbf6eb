import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runJob } from '../../jobs/runner'
import { createTestApp, type Session } from '../../lib/testing'
import { approvedApplication } from '../payments/payments.fixtures'
import { forms } from './dashboard.fixtures'

let t: Awaited<ReturnType<typeof createTestApp>>
beforeEach(async () => {
  t = await createTestApp() // the clock starts on Friday 2026-11-20, 10:00 in Taipei
})
afterEach(() => t.close())

const DAY = 86_400_000
const dashboard = async (username: string, query = '') => (await t.call('GET', `/api/dashboard${query}`, { as: await t.login(username) })).json
const pay = async (slipNo: string, paidOn: string, clerk: Session) =>
  expect((await t.call('POST', '/api/payments', { as: clerk, body: { slipNo, amount: 2000, paidOn, channel: 'counter' } })).status).toBe(201)
type Month = { month: string; issued: number; paid: number; voided: number; revenue: number }
const busyMonths = (d: { charts: { feesPerMonth: Month[] } }) => d.charts.feesPerMonth.filter((m) => m.issued || m.paid || m.voided || m.revenue)

describe('the dashboard charts: fees and certificates', () => {
  it('counts each fee slip event in its Taipei month: issued, paid with its revenue, voided the day after the due date', async () => {
    const [clerkAA, supervisorAA] = [await t.login('clerk.keelung'), await t.login('supervisor.keelung')]
    const [clerkCA, supervisorCA] = [await t.login('clerk.taipei'), await t.login('supervisor.taipei')]
    const a = await approvedApplication(t, clerkAA, supervisorAA, forms.keelungA00001)
    const b = await approvedApplication(t, clerkAA, supervisorAA, forms.keelungA00002)
    await approvedApplication(t, clerkCA, supervisorCA, forms.taipeiCorporate) // never paid: due 12-04, void 12-05
    await pay(a.feeSlip.slipNo, '2026-11-20', clerkAA)
    t.advance(12 * DAY)
    await pay(b.feeSlip.slipNo, '2026-12-02', await t.login('clerk.keelung'))
    t.advance(3 * DAY)
    expect((await runJob('fee-expiry', { db: t.db, ca: t.ca }, t.now())).summary).toMatchObject({ voided: [expect.stringMatching(/^CAF/)] })

    const all = await dashboard('admin')
    expect(all.periods.months).toEqual({ from: '2026-01-01', to: '2026-12-05' })
    expect(all.charts.feesPerMonth).toHaveLength(12)
    expect(busyMonths(all)).toEqual([
      { month: '2026-11', issued: 3, paid: 1, voided: 0, revenue: 2000 },
      { month: '2026-12', issued: 0, paid: 1, voided: 1, revenue: 2000 },
    ])
    const keelung = await dashboard('clerk.keelung', '?office=CA')
    expect(busyMonths(keelung)).toEqual([
      { month: '2026-11', issued: 2, paid: 1, voided: 0, revenue: 2000 },
      { month: '2026-12', issued: 0, paid: 1, voided: 0, revenue: 2000 },
    ])
    // the statuses by office follow: Keelung's two paid (20), Taipei's cancelled (A9)
    expect(all.charts.applicationsByOffice.slice(0, 2)).toEqual([
      { officeCode: 'AA', byStatus: { '00': 0, R0: 0, '10': 0, '20': 2, A0: 0, A9: 0 } },
      { officeCode: 'CA', byStatus: { '00': 0, R0: 0, '10': 0, '20': 0, A0: 0, A9: 1 } },
    ])
    // a period that ends on the due date has not seen the voiding yet
    expect(busyMonths(await dashboard('admin', '?from=2026-12-01&to=2026-12-04'))).toEqual([{ month: '2026-12', issued: 0, paid: 1, voided: 0, revenue: 2000 }])

    // due on the last day of December: voided on New Year's Day, so in January
    t.advance(12 * DAY)
    await approvedApplication(t, await t.login('clerk.keelung'), await t.login('supervisor.keelung'), forms.keelungCorporate)
    t.advance(15 * DAY)
    await runJob('fee-expiry', { db: t.db, ca: t.ca }, t.now())
    expect(busyMonths(await dashboard('admin', '?from=2026-12-01&to=2027-01-31'))).toEqual([
      { month: '2026-12', issued: 1, paid: 1, voided: 1, revenue: 2000 },
      { month: '2027-01', issued: 0, paid: 0, voided: 1, revenue: 0 },
    ])
  })

  it('counts valid certificates ending within 30, 60 and 90 days per office, each count including the shorter ones', async () => {
    const insert = t.sqlite.prepare(`insert into certificates (serial_hex, ca_name, kind, subject_dn, ubn, office_code, status, not_before, not_after, created_at)
      values (?, 'customs', 'corporate', 'CN=test', '52111891', ?, ?, '2025-01-01T00:00:00.000Z', ?, '2025-01-01T00:00:00.000Z')`)
    const rows: [string, string, number][] = [
      ['AA', 'valid', 10], ['AA', 'valid', 30], ['AA', 'valid', 45], ['AA', 'valid', 80], ['AA', 'valid', 100], ['AA', 'valid', -1],
      ['AA', 'revoked', 10], ['CA', 'valid', 20], ['CA', 'suspended', 20], ['BA', 'valid', 89.9],
    ]
    rows.forEach(([office, status, days], i) => insert.run(`dead${String(i).padStart(4, '0')}`, office, status, new Date(t.now().getTime() + days * DAY).toISOString()))

    const all = await dashboard('admin')
    expect(all.charts.certificatesExpiring).toEqual([
      { officeCode: 'AA', within30: 2, within60: 3, within90: 4 },
      { officeCode: 'CA', within30: 1, within60: 1, within90: 1 },
      { officeCode: 'DA', within30: 0, within60: 0, within90: 0 },
      { officeCode: 'BA', within30: 0, within60: 0, within90: 1 },
    ])
    expect(all.certificatesExpiring30).toBe(3) // the card agrees with the chart
    const keelung = await dashboard('clerk.keelung')
    expect(keelung.charts.certificatesExpiring).toEqual([{ officeCode: 'AA', within30: 2, within60: 3, within90: 4 }])
    expect(keelung.certificatesExpiring30).toBe(2)
  })
})
