import type { IssuedCertificateResponse } from '@core/contracts/applications'
import type { ContactChangeRequest, PortalApplication, PortalApplicationListQuery, PortalApplicationPage } from '@core/contracts/applications-portal'
import type { FeeSlip } from '@core/contracts/fee-slips'
import { keepPreviousData, queryOptions } from '@tanstack/vue-query'
import { api } from '@web/app/api'

const BASE = '/api/portal/applications'
export const PORTAL_PAGE_SIZE = 20

export const portalApplicationKeys = {
  all: ['portal-applications'] as const,
  list: (params: PortalApplicationListQuery) => ['portal-applications', 'list', params] as const,
  detail: (id: number) => ['portal-applications', 'detail', id] as const,
  feeSlip: (id: number) => ['portal-applications', 'fee-slip', id] as const,
}

export function portalApplicationListQuery(params: PortalApplicationListQuery) {
  return queryOptions({
    queryKey: portalApplicationKeys.list(params),
    queryFn: ({ signal }) => api<PortalApplicationPage>(BASE, { query: { ...params, limit: PORTAL_PAGE_SIZE }, signal }),
    placeholderData: keepPreviousData,
  })
}

export function portalApplicationQuery(id: number) {
  return queryOptions({
    queryKey: portalApplicationKeys.detail(id),
    queryFn: ({ signal }) => api<PortalApplication>(`${BASE}/${id}`, { signal }),
    staleTime: 0,
  })
}

export function portalFeeSlipQuery(id: number) {
  return queryOptions({
    queryKey: portalApplicationKeys.feeSlip(id),
    queryFn: ({ signal }) => api<FeeSlip>(`${BASE}/${id}/fee-slip`, { signal }),
  })
}

export const feeSlipPdfUrl = (id: number) => `${BASE}/${id}/fee-slip/pdf`

/** The signed online DC02: the document as signed, the card's certificate and its signature. */
export const submitOnlineApplication = (body: { application: Record<string, unknown>; certificate: string; signature: string }) =>
  api<PortalApplication>(BASE, { method: 'POST', body })

export const changeContact = (id: number, body: ContactChangeRequest) => api<PortalApplication>(`${BASE}/${id}/contact`, { method: 'PATCH', body })

/** 產製憑證: public and self-authenticating (the company card signs the request), outside /api/portal. */
export const requestCertificate = (id: number, body: { csr: string; signedAt: string; certificate: string; signature: string }) =>
  api<IssuedCertificateResponse>(`/api/applications/${id}/certificate`, { method: 'POST', body })
