import type { DashboardQuery, DashboardSummary } from '@core/contracts/dashboard'
import { keepPreviousData, queryOptions } from '@tanstack/vue-query'
import { api } from '@web/app/api'

export const dashboardKeys = {
  all: ['dashboard'] as const,
  summary: (filters: DashboardQuery) => ['dashboard', filters] as const,
}

export function dashboardSummaryQuery(filters: DashboardQuery = {}) {
  return queryOptions({
    queryKey: dashboardKeys.summary(filters),
    queryFn: ({ signal }) => api<DashboardSummary>('/api/dashboard', { query: { ...filters }, signal }),
    // The charts read a year of applications and fee slips (docs/decisions/0014): every 5 minutes per open tab,
    // not every minute; the refresh button is there for the impatient.
    refetchInterval: 300_000,
    placeholderData: keepPreviousData,
  })
}
