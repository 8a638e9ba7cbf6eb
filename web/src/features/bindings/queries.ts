import type { BindCardRequest, BindingCardKind, BindingListQuery, BindingPage, BindingRequestInfo } from '@core/contracts/bindings'
import { infiniteQueryOptions, queryOptions } from '@tanstack/vue-query'
import { api } from '@web/app/api'

export const BINDINGS_PAGE_SIZE = 50

export type BindingFilters = Pick<BindingListQuery, 'status'>

export const bindingsKeys = {
  all: ['bindings'] as const,
  list: (filters: BindingFilters) => ['bindings', 'list', filters] as const,
  mine: ['bindings', 'mine'] as const,
}

/** The office's list, newest first; "more" appends the next keyset page instead of replacing the rows. */
export function bindingsListQuery(filters: BindingFilters) {
  return infiniteQueryOptions({
    queryKey: bindingsKeys.list(filters),
    queryFn: ({ pageParam, signal }) => api<BindingPage>('/api/bindings', { query: { ...filters, cursor: pageParam, limit: BINDINGS_PAGE_SIZE }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  })
}

/** The holder's own requests: a handful, so the first page is all of them. */
export function myBindingsQuery() {
  return queryOptions({
    queryKey: bindingsKeys.mine,
    queryFn: ({ signal }) => api<BindingPage>('/api/portal/bindings', { query: { limit: 200 }, signal }),
  })
}

/** The scan of the sealed form, served inline to staff; opened in a new tab, never fetched into the page. */
export const bindingFormUrl = (id: number) => `/api/bindings/${id}/form`

export function submitBindingForm(file: File, cardKind: BindingCardKind): Promise<BindingRequestInfo> {
  const form = new FormData()
  form.set('file', file)
  form.set('cardKind', cardKind)
  return api<BindingRequestInfo>('/api/portal/bindings', { method: 'POST', body: form })
}

export const confirmBinding = (id: number, version: number) => api<BindingRequestInfo>(`/api/bindings/${id}/confirm`, { method: 'POST', body: { version } })
export const rejectBinding = (id: number, version: number, reason: string) => api<BindingRequestInfo>(`/api/bindings/${id}/reject`, { method: 'POST', body: { version, reason } })
export const bindCard = (body: BindCardRequest) => api<{ accountId: string }>('/api/portal/bindings/bind', { method: 'POST', body })
