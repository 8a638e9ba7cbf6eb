import type { AuditEntry, AuditPage, AuditVerifyResult } from '@core/contracts/audit'
import type { OfficeCode } from '@core/contracts/offices'
import { keepPreviousData, queryOptions } from '@tanstack/vue-query'
import { api } from '@web/app/api'

/** The audit list's filters, as the page holds them; dates are YYYY-MM-DD in Asia/Taipei. */
export interface AuditFilters {
  q?: string
  action?: string
  entity?: string
  entityId?: string
  actor?: string
  officeCode?: OfficeCode
  from?: string
  to?: string
}

export const auditFilterKeys = ['q', 'action', 'entity', 'entityId', 'actor', 'officeCode', 'from', 'to'] as const

export const AUDIT_PAGE_SIZE = 50

export const auditKeys = {
  all: ['audit'] as const,
  list: (filters: AuditFilters, cursor: string | undefined) => ['audit', 'list', filters, cursor ?? null] as const,
  detail: (id: number) => ['audit', 'detail', id] as const,
  verify: ['audit', 'verify'] as const,
}

export function auditListQuery(filters: AuditFilters, cursor: string | undefined) {
  return queryOptions({
    queryKey: auditKeys.list(filters, cursor),
    queryFn: ({ signal }) => api<AuditPage>('/api/audit', { query: { ...filters, cursor, limit: AUDIT_PAGE_SIZE }, signal }),
    placeholderData: keepPreviousData,
  })
}

export function auditDetailQuery(id: number) {
  return queryOptions({
    queryKey: auditKeys.detail(id),
    queryFn: ({ signal }) => api<AuditEntry>(`/api/audit/${id}`, { signal }),
    // an audit row never changes
    staleTime: Infinity,
  })
}

/** Verifying walks the whole chain: only on request, never cached. */
export function auditVerifyQuery() {
  return queryOptions({
    queryKey: auditKeys.verify,
    queryFn: ({ signal }) => api<AuditVerifyResult>('/api/audit/verify', { signal }),
    staleTime: 0,
    gcTime: 0,
  })
}
