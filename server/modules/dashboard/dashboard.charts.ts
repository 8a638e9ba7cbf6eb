import type { DashboardCharts, ReviewTime } from '../../../core/contracts/dashboard'
import type { CustomsOfficeCode } from '../../../core/contracts/offices'
import { monthsBetween, weekStartsBetween } from '../../../core/tw'
import { applicationStatuses, type ApplicationStatus } from '../../../core/workflow/application-status'
import type { Db } from '../../../db/client'
import * as repo from './dashboard.charts-repo'
import { instants, type Periods } from './dashboard.periods'

const DAY_MS = 86_400_000

/** Adds up `value` of the rows per key, for filling every week, month or office of a chart (zero where none). */
function totals<R>(rows: R[], key: (r: R) => string, value: (r: R) => number): Map<string, number> {
  const out = new Map<string, number>()
  for (const r of rows) out.set(key(r), (out.get(key(r)) ?? 0) + value(r))
  return out
}

function reviewTime(decided: number, days: number): ReviewTime {
  return { decided, averageDays: decided ? Math.round((days / decided) * 100) / 100 : null }
}

type Scope = { db: Db; office: string | null; offices: readonly CustomsOfficeCode[]; periods: Periods }

/** Applications: statuses by office over the monthly period; received, decided and review time over the weekly one. */
function applicationCharts({ db, office, offices, periods }: Scope) {
  const received = repo.receivedByOfficeStatus(db, office, instants(periods.months))
  const applicationsByOffice = offices.map((officeCode) => {
    const byStatus = Object.fromEntries(applicationStatuses.map((s) => [s, 0])) as Record<ApplicationStatus, number>
    for (const r of received) if (r.officeCode === officeCode && r.status !== 'draft') byStatus[r.status] += r.n
    return { officeCode, byStatus }
  })

  const weeks = instants(periods.weeks)
  const receivedPerWeek = totals(repo.receivedPerWeek(db, office, weeks), (r) => r.week, (r) => r.n)
  const decided = repo.decidedByOfficeWeek(db, office, weeks) // one scan serves decided per week and review time
  const decidedPerWeek = totals(decided, (r) => r.week, (r) => r.n)
  const applicationsPerWeek = weekStartsBetween(periods.weeks.from, periods.weeks.to).map((week) => ({
    week,
    received: receivedPerWeek.get(week) ?? 0,
    decided: decidedPerWeek.get(week) ?? 0,
  }))

  const reviewed = totals(decided, (r) => r.officeCode, (r) => r.reviewed)
  const days = totals(decided, (r) => r.officeCode, (r) => r.days)
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0)
  const byOffice = offices.map((officeCode) => ({ officeCode, ...reviewTime(reviewed.get(officeCode) ?? 0, days.get(officeCode) ?? 0) }))
  return { applicationsByOffice, applicationsPerWeek, reviewTime: { overall: reviewTime(sum(reviewed), sum(days)), byOffice } }
}

function feeCharts({ db, office, periods }: Scope) {
  const issued = totals(repo.feeSlipsIssuedPerMonth(db, office, periods.months), (r) => r.month, (r) => r.n)
  const paidRows = repo.feeSlipsPaidPerMonth(db, office, instants(periods.months))
  const paid = totals(paidRows, (r) => r.month, (r) => r.n)
  const revenue = totals(paidRows, (r) => r.month, (r) => r.revenue)
  const voided = totals(repo.feeSlipsVoidedPerMonth(db, office, periods.months), (r) => r.month, (r) => r.n)
  return monthsBetween(periods.months.from, periods.months.to).map((month) => ({
    month,
    issued: issued.get(month) ?? 0,
    paid: paid.get(month) ?? 0,
    voided: voided.get(month) ?? 0,
    revenue: revenue.get(month) ?? 0,
  }))
}

function expiryChart({ db, offices }: Scope, now: Date) {
  const at = (days: number) => new Date(now.getTime() + days * DAY_MS).toISOString()
  const rows = repo.certificatesExpiringByOffice(db, offices, now.toISOString(), { in30: at(30), in60: at(60), in90: at(90) })
  return offices.map((officeCode) => {
    const r = rows.find((row) => row.officeCode === officeCode)
    return { officeCode, within30: r?.within30 ?? 0, within60: r?.within60 ?? 0, within90: r?.within90 ?? 0 }
  })
}

/** Every chart's series, for the offices in view (one, or all four that receive applications). */
export function buildCharts(opts: Scope & { now: Date }): DashboardCharts {
  return { ...applicationCharts(opts), feesPerMonth: feeCharts(opts), certificatesExpiring: expiryChart(opts, opts.now) }
}
