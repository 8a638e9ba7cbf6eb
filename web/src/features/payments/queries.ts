import type { PaymentImportResult, PaymentListQuery, PaymentPage, RecordPaymentRequest, RecordPaymentResult } from '@core/contracts/payments'
import { keepPreviousData, queryOptions } from '@tanstack/vue-query'
import { api } from '@web/app/api'

export const PAYMENTS_PAGE_SIZE = 50

export type PaymentFilters = Omit<PaymentListQuery, 'cursor' | 'limit'>

export const paymentsKeys = {
  all: ['payments'] as const,
  list: (filters: PaymentFilters, cursor: string | undefined) => ['payments', 'list', filters, cursor ?? null] as const,
}

export function paymentsListQuery(filters: PaymentFilters, cursor: string | undefined) {
  return queryOptions({
    queryKey: paymentsKeys.list(filters, cursor),
    queryFn: ({ signal }) => api<PaymentPage>('/api/payments', { query: { ...filters, cursor, limit: PAYMENTS_PAGE_SIZE }, signal }),
    placeholderData: keepPreviousData,
  })
}

export const recordPayment = (body: RecordPaymentRequest) => api<RecordPaymentResult>('/api/payments', { method: 'POST', body })

/** Uploads the bank's CSV; a refusal is an ApiError whose `rows` name the malformed values by line and column. */
export function importBankFile(file: File): Promise<PaymentImportResult> {
  const form = new FormData()
  form.set('file', file)
  return api<PaymentImportResult>('/api/payments/import', { method: 'POST', body: form })
}
