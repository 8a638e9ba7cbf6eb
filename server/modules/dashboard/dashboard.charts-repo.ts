import { and, count, eq, gte, inArray, lt, lte, sql, type AnyColumn, type SQL } from 'drizzle-orm'
import type { DateRange } from '../../../core/contracts/dashboard'
import type { Db } from '../../../db/client'
import { dialectSql } from '../../../db/dialect'
import { applications, certificates, feeSlips } from '../../../db/schema'

/** Instants as stored (ISO, UTC): from inclusive, before exclusive. */
export interface InstantRange {
  from: string
  before: string
}

/*
 * Aggregates for the charts, each one GROUP BY over a date range, which the date indexes (submitted_at,
 * decided_at, issued_on, paid_at; migration 0010) serve. Office filters are written `+office_code` on purpose:
 * without it SQLite may walk applications_office_status_idx to save the sort and pay a table lookup per row,
 * 3–6× slower (measured in docs/decisions/0014).
 */
const noIndex = (column: AnyColumn) => sql`+${column}`
const inOffice = (column: AnyColumn, office: string | null): SQL | undefined => (office ? sql`${noIndex(column)} = ${office}` : undefined)
const within = (column: AnyColumn, r: InstantRange) => and(gte(column, r.from), lt(column, r.before))

/** Applications received (submitted) in the range, by office and their status now. */
export function receivedByOfficeStatus(db: Db, office: string | null, received: InstantRange) {
  return db
    .select({ officeCode: applications.officeCode, status: applications.status, n: count() })
    .from(applications)
    .where(and(within(applications.submittedAt, received), inOffice(applications.officeCode, office)))
    .groupBy(noIndex(applications.officeCode), applications.status)
    .all()
}

/** Applications received (submitted) in the range, by Taipei week of receipt. */
export function receivedPerWeek(db: Db, office: string | null, received: InstantRange) {
  const week = dialectSql(db).taipeiWeek(applications.submittedAt)
  return db
    .select({ week, n: count() })
    .from(applications)
    .where(and(within(applications.submittedAt, received), inOffice(applications.officeCode, office)))
    .groupBy(week)
    .all()
}

/**
 * Applications decided in the range, by office and Taipei week of decision, with the days each took from
 * received to decided (`reviewed` leaves out the few without a received time, such as benchmark rows).
 */
export function decidedByOfficeWeek(db: Db, office: string | null, decided: InstantRange) {
  const d = dialectSql(db)
  const week = d.taipeiWeek(applications.decidedAt)
  return db
    .select({
      officeCode: applications.officeCode,
      week,
      n: count(),
      reviewed: count(applications.submittedAt),
      days: d.totalDaysBetween(applications.submittedAt, applications.decidedAt),
    })
    .from(applications)
    .where(and(within(applications.decidedAt, decided), inOffice(applications.officeCode, office)))
    .groupBy(noIndex(applications.officeCode), week)
    .all()
}

/** Slips per month of issue (issued_on is already a Taipei date). */
export function feeSlipsIssuedPerMonth(db: Db, office: string | null, dates: DateRange) {
  const month = sql<string>`substr(${feeSlips.issuedOn}, 1, 7)`
  return db
    .select({ month, n: count() })
    .from(feeSlips)
    .where(and(gte(feeSlips.issuedOn, dates.from), lte(feeSlips.issuedOn, dates.to), office ? eq(feeSlips.officeCode, office) : undefined))
    .groupBy(month)
    .all()
}

/** Paid slips and their amounts per Taipei month of payment: paid_at is written only with status paid (setSlipPaid). */
export function feeSlipsPaidPerMonth(db: Db, office: string | null, paid: InstantRange) {
  const d = dialectSql(db)
  const month = d.taipeiMonth(feeSlips.paidAt)
  return db
    .select({ month, n: count(), revenue: d.total(feeSlips.amount) })
    .from(feeSlips)
    .where(and(within(feeSlips.paidAt, paid), office ? eq(feeSlips.officeCode, office) : undefined))
    .groupBy(month)
    .all()
}

/**
 * Void slips per month they were voided: the fee-expiry job voids an unpaid slip within the hour after its
 * due date ends, and fee_slips keeps no voided-at, so the day after due_on stands for it. Uses the
 * (status, due_on) index.
 */
export function feeSlipsVoidedPerMonth(db: Db, office: string | null, dates: DateRange) {
  const d = dialectSql(db)
  const month = d.monthOfNextDay(feeSlips.dueOn)
  return db
    .select({ month, n: count() })
    .from(feeSlips)
    .where(
      and(
        eq(feeSlips.status, 'void'),
        gte(feeSlips.dueOn, d.dayBefore(dates.from)),
        lt(feeSlips.dueOn, dates.to),
        office ? eq(feeSlips.officeCode, office) : undefined,
      ),
    )
    .groupBy(month)
    .all()
}

/**
 * Valid certificates ending in (now, 90 days], counted cumulatively within 30, 60 and 90 days. Naming the
 * offices lets SQLite answer from the covering (office_code, status, not_after) index alone.
 */
export function certificatesExpiringByOffice(db: Db, offices: readonly string[], now: string, limits: { in30: string; in60: string; in90: string }) {
  const d = dialectSql(db)
  return db
    .select({
      officeCode: certificates.officeCode,
      within30: d.countWhere(sql`${certificates.notAfter} <= ${limits.in30}`),
      within60: d.countWhere(sql`${certificates.notAfter} <= ${limits.in60}`),
      within90: count(),
    })
    .from(certificates)
    .where(and(inArray(certificates.officeCode, [...offices]), eq(certificates.status, 'valid'), gte(certificates.notAfter, now), lte(certificates.notAfter, limits.in90)))
    .groupBy(certificates.officeCode)
    .all()
}
