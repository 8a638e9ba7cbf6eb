import type { Checklist, EmailChangeInfo, EmailChangePage, HelpdeskAccount } from '@core/contracts/helpdesk'
import { keepPreviousData, queryOptions } from '@tanstack/vue-query'
import { api } from '@web/app/api'

export const helpdeskKeys = {
  all: ['helpdesk'] as const,
  search: (q: string) => ['helpdesk', 'search', q] as const,
  account: (id: number) => ['helpdesk', 'account', id] as const,
  emailChanges: (status: string, cursor?: string) => ['helpdesk', 'email-changes', status, cursor ?? null] as const,
}

export const accountSearchQuery = (q: string) =>
  queryOptions({ queryKey: helpdeskKeys.search(q), queryFn: ({ signal }) => api<{ items: HelpdeskAccount[] }>('/api/helpdesk/accounts', { query: { q }, signal }), enabled: q.length > 0 })

export const accountQuery = (id: number) => queryOptions({ queryKey: helpdeskKeys.account(id), queryFn: ({ signal }) => api<HelpdeskAccount>(`/api/helpdesk/accounts/${id}`, { signal }) })

/** The e-mail changes in a status, newest first, a keyset page at a time. */
export const emailChangesQuery = (status: string, cursor?: string) =>
  queryOptions({
    queryKey: helpdeskKeys.emailChanges(status, cursor),
    queryFn: ({ signal }) => api<EmailChangePage>('/api/helpdesk/email-changes', { query: { status, cursor }, signal }),
    placeholderData: keepPreviousData,
  })

export const sendResetLink = (id: number, checklist: Checklist) => api<{ expiresAt: string }>(`/api/helpdesk/accounts/${id}/reset-link`, { method: 'POST', body: { checklist } })
export const setTemporaryPassword = (id: number, checklist: Checklist) => api<{ temporaryPassword: string }>(`/api/helpdesk/accounts/${id}/temporary-password`, { method: 'POST', body: { checklist } })
export const unlockAccount = (id: number) => api<HelpdeskAccount>(`/api/helpdesk/accounts/${id}/unlock`, { method: 'POST' })
export const requestEmailChange = (id: number, body: { checklist: Checklist; newEmail: string; reason: string }) => api<EmailChangeInfo>(`/api/helpdesk/accounts/${id}/email-change`, { method: 'POST', body })
export const decideEmailChange = (id: number, version: number, approve: boolean) => api<EmailChangeInfo>(`/api/helpdesk/email-changes/${id}/decide`, { method: 'POST', body: { version, approve } })
export const resetPassword = (token: string, newPassword: string) => api<{ accountId: string }>('/api/portal/password-reset', { method: 'POST', body: { token, newPassword } })
