import { services, type Service } from '@core/contracts/applications'
import { applicationStatuses, type ApplicationStatus } from '@core/workflow/application-status'

/** The query screen's filters (seed 002) as the address holds them, so Back returns to the same list. */
export interface PortalListFilters {
  from?: string
  to?: string
  service?: Service
  status?: ApplicationStatus
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/
const oneOf = <T extends string>(list: readonly T[], value: unknown): T | undefined =>
  typeof value === 'string' && (list as readonly string[]).includes(value) ? (value as T) : undefined
const date = (value: unknown): string | undefined => (typeof value === 'string' && ISO_DATE.test(value) ? value : undefined)

/** Reads the address's query, dropping what is not a valid value (an old bookmark, a hand-edited link). */
export function listFiltersFrom(query: Record<string, unknown>): PortalListFilters {
  const filters: PortalListFilters = { from: date(query.from), to: date(query.to), service: oneOf(services, query.service), status: oneOf(applicationStatuses, query.status) }
  // a reversed range would only earn a field error: read it the way round it was meant
  if (filters.from && filters.to && filters.from > filters.to) [filters.from, filters.to] = [filters.to, filters.from]
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as PortalListFilters
}

/** The address's query for these filters: empty ones left out, so the plain list has a plain address. */
export function listQueryOf(filters: PortalListFilters): Record<string, string> {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => typeof v === 'string' && v !== '')) as Record<string, string>
}
