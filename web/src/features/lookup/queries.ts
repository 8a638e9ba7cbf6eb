import type { FirmProfile, LookupResult, PersonProfile, RevealRequest } from '@core/contracts/lookup'
import { queryOptions } from '@tanstack/vue-query'
import { api } from '@web/app/api'

export const lookupKeys = {
  search: (q: string) => ['lookup', 'search', q] as const,
  firm: (ubn: string) => ['lookup', 'firm', ubn] as const,
  person: (ref: string) => ['lookup', 'person', ref] as const,
}

export const lookupSearchQuery = (q: string) => queryOptions({ queryKey: lookupKeys.search(q), queryFn: ({ signal }) => api<LookupResult>('/api/lookup', { query: { q }, signal }), enabled: q.length > 0 })
export const firmProfileQuery = (ubn: string) => queryOptions({ queryKey: lookupKeys.firm(ubn), queryFn: ({ signal }) => api<FirmProfile>(`/api/lookup/firms/${ubn}`, { signal }) })
export const personProfileQuery = (ref: string) => queryOptions({ queryKey: lookupKeys.person(ref), queryFn: ({ signal }) => api<PersonProfile>(`/api/lookup/people/${encodeURIComponent(ref)}`, { signal }) })
export const revealValue = (body: RevealRequest) => api<{ value: string | null }>('/api/lookup/reveal', { method: 'POST', body })
