import type { Checklist, EmailChangeInfo, HelpdeskAccount } from '@core/contracts/helpdesk'
import { queryOptions } from '@tanstack/vue-query'
import { api } from '@web/app/api'

export const helpdeskKeys = {
  all: ['helpdesk'] as const,
  search: (q: string) => ['helpdesk', 'search', q] as const,
  account: (id: number) => ['helpdesk', 'account', id] as const,
  emailChanges: (status: string) => ['helpdesk', 'email-changes', status] as const,
}

export const accountSearchQuery = (q: string) =>
  queryOptions({ queryKey: helpdeskKeys.search(q), queryFn: ({ signal }) => api<{ items: HelpdeskAccount[] }>('/api/helpdesk/accounts', { query: { q }, signal }), enabled: q.length > 0 })

export const accountQuery = (id: number) => queryOptions({ queryKey: helpdeskKeys.account(id), queryFn: ({ signal }) => api<HelpdeskAccount>(`/api/helpdesk/accounts/${id}`, { signal }) })

export const emailChangesQuery = (status: string) =>
  queryOptions({ queryKey: helpdeskKeys.emailChanges(status), queryFn: ({ signal }) => api<{ items: EmailChangeInfo[] }>('/api/helpdesk/email-changes', { query: { status }, signal }) })

export const sendResetLink = (id: number, checklist: Checklist) => api<{ expiresAt: string }>(`/api/helpdesk/accounts/${id}/reset-link`, { method: 'POST', body: { checklist } })
export const setTemporaryPassword = (id: number, checklist: Checklist) => api<{ temporaryPassword: string }>(`/api/helpdesk/accounts/${id}/temporary-password`, { method: 'POST', body: { checklist } })
export const unlockAccount = (id: number) => api<HelpdeskAccount>(`/api/helpdesk/accounts/${id}/unlock`, { method: 'POST' })
export const requestEmailChange = (id: number, body: { checklist: Checklist; newEmail: string; reason: string }) => api<EmailChangeInfo>(`/api/helpdesk/accounts/${id}/email-change`, { method: 'POST', body })
export const decideEmailChange = (id: number, version: number, approve: boolean) => api<EmailChangeInfo>(`/api/helpdesk/email-changes/${id}/decide`, { method: 'POST', body: { version, approve } })
export const resetPassword = (token: string, newPassword: string) => api<{ accountId: string }>('/api/portal/password-reset', { method: 'POST', body: { token, newPassword } })
