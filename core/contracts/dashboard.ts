import { z } from 'zod'
import type { ApplicationStatus } from '../workflow/application-status'
import { customsOfficeCodes, type CustomsOfficeCode, type OfficeCode } from './offices'

/** Five years of weeks is already 261 bars; beyond that a chart says nothing and the answer only grows. */
export const DASHBOARD_MAX_DAYS = 5 * 366

const isoDate = z.iso.date({ message: 'invalidDate' })
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000

/**
 * `GET /api/dashboard`: the office (headquarters only; everyone else always gets their own) and the period in
 * Taipei calendar dates, inclusive. Without a period, weekly charts cover the last 12 weeks and monthly ones
 * the last 12 months, each up to today.
 */
export const dashboardQuery = z
  .strictObject({
    office: z.enum(customsOfficeCodes, { message: 'unknownOffice' }).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: 'dateRange', path: ['to'] })
  .refine((v) => !v.from || !v.to || v.from > v.to || days(v.from, v.to) <= DASHBOARD_MAX_DAYS, { message: 'dateRangeTooLong', path: ['to'] })
export type DashboardQuery = z.input<typeof dashboardQuery>

export interface DateRange {
  from: string
  to: string
}

/** Review time from received (00) to decided, in days; null when nothing was decided. */
export interface ReviewTime {
  decided: number
  averageDays: number | null
}

export interface DashboardCharts {
  /** received in `periods.months`, by their status now */
  applicationsByOffice: { officeCode: CustomsOfficeCode; byStatus: Record<ApplicationStatus, number> }[]
  /** weeks (their Monday) of `periods.weeks`: received (submitted) and decided in each */
  applicationsPerWeek: { week: string; received: number; decided: number }[]
  /** applications decided in `periods.weeks` */
  reviewTime: { overall: ReviewTime; byOffice: ({ officeCode: CustomsOfficeCode } & ReviewTime)[] }
  /**
   * Months of `periods.months`, each event in the month it happened: issued (issuedOn), paid and revenue
   * (paidAt, NT$), voided (the day after dueOn, when the fee-expiry job voids an unpaid slip).
   */
  feesPerMonth: { month: string; issued: number; paid: number; voided: number; revenue: number }[]
  /** valid certificates ending within 30, 60 and 90 days from now (each count includes the shorter ones) */
  certificatesExpiring: { officeCode: CustomsOfficeCode; within30: number; within60: number; within90: number }[]
}

/** Counts straight from the database, scoped to the viewer's office unless they work at headquarters. */
export interface DashboardSummary {
  /** the office everything below counts: the viewer's own, or the one headquarters picked, or all */
  scope: OfficeCode | 'all'
  applicationsByStatus: Record<ApplicationStatus, number>
  applicationsOpen: number
  certificatesValid: number
  certificatesExpiring30: number
  firms: number
  brokers: number
  activeAppointments: number
  staffActive: number
  auditToday: number
  generatedAt: string
  periods: { weeks: DateRange; months: DateRange }
  charts: DashboardCharts
}
