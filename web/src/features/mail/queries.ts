import type { MailDetail, MailPage } from '@core/contracts/mail'
import { keepPreviousData, queryOptions } from '@tanstack/vue-query'
import { api } from '@web/app/api'
import type { MailFilters } from './mail-view'

export const MAIL_PAGE_SIZE = 50

export const mailKeys = {
  all: ['mail'] as const,
  list: (filters: MailFilters, cursor: string | undefined) => ['mail', 'list', filters, cursor ?? null] as const,
  detail: (id: number) => ['mail', 'detail', id] as const,
}

export function mailListQuery(filters: MailFilters, cursor: string | undefined) {
  return queryOptions({
    queryKey: mailKeys.list(filters, cursor),
    queryFn: ({ signal }) => api<MailPage>('/api/mail', { query: { ...filters, cursor, limit: MAIL_PAGE_SIZE }, signal }),
    placeholderData: keepPreviousData,
    // the dispatcher changes rows behind the page's back
    staleTime: 5_000,
  })
}

export function mailDetailQuery(id: number) {
  return queryOptions({
    queryKey: mailKeys.detail(id),
    queryFn: ({ signal }) => api<MailDetail>(`/api/mail/${id}`, { signal }),
    staleTime: 5_000,
  })
}

export const retryMail = (id: number) => api<MailDetail>(`/api/mail/${id}/retry`, { method: 'POST' })
