import { officeCodes, officeNames, type Office } from '@core/contracts/offices'
import { queryOptions } from '@tanstack/vue-query'
import { api } from '@web/app/api'

/** The offices change only with a release, so they are fetched once per visit. */
export function officesQuery() {
  return queryOptions({
    queryKey: ['offices'] as const,
    queryFn: ({ signal }) => api<Office[]>('/api/offices', { signal }),
    staleTime: Infinity,
    // the same list as core's constants, so selects work before the answer arrives
    placeholderData: officeCodes.map((code): Office => ({ code, name: officeNames[code] })),
  })
}
