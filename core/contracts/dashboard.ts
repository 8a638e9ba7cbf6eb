import type { ApplicationStatus } from '../workflow/application-status'
import type { OfficeCode } from './offices'

/** Counts straight from the database, scoped to the viewer's office unless they work at headquarters. */
export interface DashboardSummary {
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
}
