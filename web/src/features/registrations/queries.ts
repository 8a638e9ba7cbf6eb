import type { RegistrationCreated, RegistrationPage, RegistrationRequest } from '@core/contracts/registrations'
import { keepPreviousData, queryOptions } from '@tanstack/vue-query'
import { api } from '@web/app/api'

export const REGISTRATION_PAGE_SIZE = 20

export interface RegistrationParams {
  q?: string
  page: number
}

export const registrationKeys = {
  all: ['registrations'] as const,
  list: (params: RegistrationParams) => ['registrations', 'list', params] as const,
}

/** 通關憑證查詢: the rows within the signed-in account's rights, narrowed by the search box. */
export function registrationListQuery(params: RegistrationParams) {
  return queryOptions({
    queryKey: registrationKeys.list(params),
    queryFn: ({ signal }) => api<RegistrationPage>('/api/portal/registrations', { query: { q: params.q, page: params.page, pageSize: REGISTRATION_PAGE_SIZE }, signal }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  })
}

export const registerCertificate = (body: RegistrationRequest) => api<RegistrationCreated>('/api/portal/registrations', { method: 'POST', body })

export const deleteRegistration = (id: number) => api<void>(`/api/portal/registrations/${id}`, { method: 'DELETE' })
