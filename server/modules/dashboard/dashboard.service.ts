import type { SessionUser } from '../../../core/contracts/auth'
import type { DashboardQuery, DashboardSummary } from '../../../core/contracts/dashboard'
import { customsOfficeCodes } from '../../../core/contracts/offices'
import { taipeiDate } from '../../../core/tw'
import { applicationStatuses, openApplicationStatuses, type ApplicationStatus } from '../../../core/workflow/application-status'
import type { Db } from '../../../db/client'
import { officeScope } from '../../lib/sql'
import { buildCharts } from './dashboard.charts'
import { resolvePeriods } from './dashboard.periods'
import * as repo from './dashboard.repo'

const DAY_MS = 86_400_000

/** The start of today in Taipei (UTC+8), as a UTC instant. */
function startOfTaipeiDay(now: Date): string {
  const shifted = now.getTime() + 8 * 3_600_000
  return new Date(shifted - (shifted % DAY_MS) - 8 * 3_600_000).toISOString()
}

/**
 * The counts, and the charts for the period asked. Staff outside headquarters always see their own office,
 * whatever the query names: a bookmarked headquarters address opens on the viewer's office, and `scope` in
 * the answer says which office that is (docs/decisions/0012).
 */
export function getDashboard(opts: { db: Db; actor: SessionUser; now: Date; query?: DashboardQuery }): DashboardSummary {
  const { db, now } = opts
  const query = opts.query ?? {}
  const scope = officeScope(opts.actor.officeCode) ?? query.office ?? null
  const periods = resolvePeriods(query, taipeiDate(now))
  const offices = scope ? customsOfficeCodes.filter((code) => code === scope) : customsOfficeCodes
  const byStatus = Object.fromEntries(applicationStatuses.map((s) => [s, 0])) as Record<ApplicationStatus, number>
  for (const { status, n } of repo.countApplicationsByStatus(db, scope)) byStatus[status as ApplicationStatus] = n
  const nowIso = now.toISOString()
  return {
    scope: (scope as DashboardSummary['scope']) ?? 'all',
    applicationsByStatus: byStatus,
    applicationsOpen: openApplicationStatuses.reduce((sum, s) => sum + byStatus[s], 0),
    certificatesValid: repo.countValidCertificates(db, scope, undefined, nowIso),
    certificatesExpiring30: repo.countValidCertificates(db, scope, new Date(now.getTime() + 30 * DAY_MS).toISOString(), nowIso),
    firms: repo.countFirms(db, scope),
    brokers: repo.countBrokers(db, scope),
    activeAppointments: repo.countActiveAppointments(db, scope),
    staffActive: repo.countActiveStaff(db, scope),
    auditToday: repo.countAuditSince(db, scope, startOfTaipeiDay(now)),
    generatedAt: nowIso,
    periods,
    charts: buildCharts({ db, office: scope, offices, periods, now }),
  }
}
