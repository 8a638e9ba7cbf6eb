import type {
  BrokerTimeline,
  DisqualificationRequest,
  Reassignment,
  ReassignmentListQuery,
  ReassignmentOutcome,
  ReassignmentPage,
  ResignationRequest,
  TransferRequest,
} from '@core/contracts/reassignments'
import { infiniteQueryOptions, queryOptions } from '@tanstack/vue-query'
import { api } from '@web/app/api'

export const REASSIGNMENTS_PAGE_SIZE = 50

export type ReassignmentFilters = Omit<ReassignmentListQuery, 'cursor' | 'limit'>

export const reassignmentsKeys = {
  all: ['reassignments'] as const,
  list: (filters: ReassignmentFilters) => ['reassignments', 'list', filters] as const,
  timeline: (code: string) => ['reassignments', 'timeline', code] as const,
}

/** The history, newest first; "more" appends the next keyset page. */
export function reassignmentListQuery(filters: ReassignmentFilters) {
  return infiniteQueryOptions({
    queryKey: reassignmentsKeys.list(filters),
    queryFn: ({ pageParam, signal }) => api<ReassignmentPage>('/api/reassignments', { query: { ...filters, cursor: pageParam, limit: REASSIGNMENTS_PAGE_SIZE }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  })
}

/** The disqualifications awaiting a supervisor: few at any time, so one page holds them. */
export function pendingQuery() {
  return queryOptions({
    queryKey: [...reassignmentsKeys.all, 'pending'] as const,
    queryFn: ({ signal }) => api<ReassignmentPage>('/api/reassignments', { query: { kind: 'disqualification', status: 'pending', limit: 200 }, signal }),
  })
}

export function brokerTimelineQuery(code: string) {
  return queryOptions({
    queryKey: reassignmentsKeys.timeline(code),
    queryFn: ({ signal }) => api<BrokerTimeline>(`/api/reassignments/brokers/${code}/timeline`, { signal }),
  })
}

export const recordResignation = (body: ResignationRequest) => api<ReassignmentOutcome>('/api/reassignments/resignations', { method: 'POST', body })
export const recordTransfer = (body: TransferRequest) => api<ReassignmentOutcome>('/api/reassignments/transfers', { method: 'POST', body })
export const fileDisqualification = (body: DisqualificationRequest) => api<Reassignment>('/api/reassignments/disqualifications', { method: 'POST', body })
export const approveDisqualification = (r: Reassignment) => api<ReassignmentOutcome>(`/api/reassignments/${r.id}/approve`, { method: 'POST', body: { version: r.version } })
export const rejectDisqualification = (r: Reassignment, reason: string) => api<Reassignment>(`/api/reassignments/${r.id}/reject`, { method: 'POST', body: { version: r.version, reason } })
