import type { DashboardSummary } from '@core/contracts/dashboard'
import { queryOptions } from '@tanstack/vue-query'
import { api } from '@web/app/api'

export const dashboardKeys = { all: ['dashboard'] as const }

export function dashboardQuery() {
  return queryOptions({
    queryKey: dashboardKeys.all,
    queryFn: ({ signal }) => api<DashboardSummary>('/api/dashboard', { signal }),
    refetchInterval: 60_000,
  })
}
