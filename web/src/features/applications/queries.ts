import type { Application, ApplicationPage, AttachmentInfo, DecideRequest, DraftRequest } from '@core/contracts/applications'
import type { FirmDetail } from '@core/contracts/broker-records'
import { keepPreviousData, queryOptions } from '@tanstack/vue-query'
import { api, ApiError } from '@web/app/api'
import type { QueueParams } from './queue-params'

export const QUEUE_PAGE_SIZE = 50

export const applicationKeys = {
  all: ['applications'] as const,
  lists: ['applications', 'list'] as const,
  list: (params: QueueParams, cursor: string | undefined) => ['applications', 'list', params, cursor ?? null] as const,
  detail: (id: number) => ['applications', 'detail', id] as const,
  firm: (ubn: string) => ['broker-records', 'firm', ubn] as const,
}

export function applicationListQuery(params: QueueParams, cursor: string | undefined) {
  return queryOptions({
    queryKey: applicationKeys.list(params, cursor),
    queryFn: ({ signal }) => api<ApplicationPage>('/api/applications', { query: { ...params, cursor, limit: QUEUE_PAGE_SIZE }, signal }),
    placeholderData: keepPreviousData,
  })
}

/** The server re-runs the record checks at every load: a reviewer always sees today's records. */
export function applicationDetailQuery(id: number) {
  return queryOptions({
    queryKey: applicationKeys.detail(id),
    queryFn: ({ signal }) => api<Application>(`/api/applications/${id}`, { signal }),
    staleTime: 0,
  })
}

/** The firm's record, for prefilling a paper form; null when the records do not know the UBN. */
export function firmQuery(ubn: string) {
  return queryOptions({
    queryKey: applicationKeys.firm(ubn),
    queryFn: async ({ signal }) => {
      try {
        return await api<FirmDetail>(`/api/broker-records/firms/${encodeURIComponent(ubn)}`, { signal })
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null
        throw error
      }
    },
    staleTime: 5 * 60_000,
  })
}

export const createDraft = (body: DraftRequest) => api<Application>('/api/applications', { method: 'POST', body })

export const updateDraft = (id: number, body: DraftRequest & { version: number }) =>
  api<Application>(`/api/applications/${id}`, { method: 'PATCH', body })

export const submitApplication = (id: number, version: number) =>
  api<Application>(`/api/applications/${id}/submit`, { method: 'POST', body: { version } })

export const prepareApplication = (id: number, body: { notes: string; checksReviewed: true; version: number }) =>
  api<Application>(`/api/applications/${id}/prepare`, { method: 'POST', body })

export const decideApplication = (id: number, body: DecideRequest) =>
  api<Application>(`/api/applications/${id}/decide`, { method: 'POST', body })

export const attachmentUrl = (applicationId: number, attachmentId: number) => `/api/applications/${applicationId}/attachments/${attachmentId}`

/** Uploads one scanned form as multipart form data, through the shared client (CSRF, language, 401 handling). */
export function uploadAttachment(applicationId: number, file: File): Promise<AttachmentInfo> {
  const form = new FormData()
  form.append('file', file, file.name)
  return api<AttachmentInfo>(`/api/applications/${applicationId}/attachments`, { method: 'POST', body: form })
}
