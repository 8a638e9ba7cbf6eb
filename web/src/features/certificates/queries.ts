import type { Certificate, CertificatePage, RevokeRequest } from '@core/contracts/certificates'
import { keepPreviousData, queryOptions } from '@tanstack/vue-query'
import { api } from '@web/app/api'
import type { CertificateParams } from './list-params'

export const CERTIFICATE_PAGE_SIZE = 50

export const certificateKeys = {
  all: ['certificates'] as const,
  list: (params: CertificateParams, cursor: string | undefined) => ['certificates', 'list', params, cursor ?? null] as const,
  detail: (serial: string) => ['certificates', 'detail', serial] as const,
}

export function certificateListQuery(params: CertificateParams, cursor: string | undefined) {
  return queryOptions({
    queryKey: certificateKeys.list(params, cursor),
    queryFn: ({ signal }) => api<CertificatePage>('/api/certificates', { query: { ...params, cursor, limit: CERTIFICATE_PAGE_SIZE }, signal }),
    placeholderData: keepPreviousData,
  })
}

export function certificateDetailQuery(serial: string) {
  return queryOptions({
    queryKey: certificateKeys.detail(serial),
    queryFn: ({ signal }) => api<Certificate>(`/api/certificates/${encodeURIComponent(serial)}`, { signal }),
    staleTime: 0,
  })
}

export const downloadUrl = (serial: string) => `/api/certificates/${encodeURIComponent(serial)}/download.cer`

export type CertificateAction = { kind: 'revoke'; body: RevokeRequest } | { kind: 'hold' | 'release'; body: { note?: string } }

export const runCertificateAction = (serial: string, action: CertificateAction) =>
  api<Certificate>(`/api/certificates/${encodeURIComponent(serial)}/${action.kind}`, { method: 'POST', body: action.body })
