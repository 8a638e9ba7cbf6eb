import { dashboardQuery, type DashboardQuery } from '@core/contracts/dashboard'
import type { LocationQuery } from 'vue-router'

export const dashboardFilterKeys = ['office', 'from', 'to'] as const

/**
 * The dashboard's filters from the address, so a view can be bookmarked and the back button restores it.
 * Values the API would refuse are left out, so a mistyped address still opens on something; the office is
 * read only for those who may pick one (the server keeps everyone else to their own office anyway).
 */
export function filtersFrom(query: LocationQuery, canPickOffice: boolean): DashboardQuery {
  const raw: Record<string, string> = {}
  for (const key of dashboardFilterKeys) {
    const value = query[key]
    if (typeof value === 'string' && value.trim() && (key !== 'office' || canPickOffice)) raw[key] = value.trim()
  }
  for (let attempt = 0; attempt < dashboardFilterKeys.length; attempt++) {
    const parsed = dashboardQuery.safeParse(raw)
    if (parsed.success) return parsed.data
    for (const issue of parsed.error.issues) delete raw[String(issue.path[0])]
  }
  return {}
}

/** The address query for the filters: absent values leave no empty keys behind. */
export function queryFor(filters: DashboardQuery): Record<string, string> {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => typeof value === 'string' && value !== '')) as Record<string, string>
}
