import type { PaymentImportResult, PaymentListQuery, PaymentPage, RecordPaymentRequest, RecordPaymentResult } from '@core/contracts/payments'
import type { ErrorBody } from '@core/errors'
import { keepPreviousData, queryOptions } from '@tanstack/vue-query'
import { api, ApiError } from '@web/app/api'
import { i18n } from '@web/app/i18n'
import { useSessionStore } from '@web/stores/session'
import { useUiStore } from '@web/stores/ui'

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

/** A refused bank file: the API's error with the malformed values by line and column. */
export class BankFileRejected extends ApiError {
  readonly rows: { line: number; column: string; message: string }[]
  constructor(status: number, body: ErrorBody) {
    super(status, body)
    this.rows = body.rows ?? []
  }
}

/** Uploads the bank's CSV as multipart form data (the shared api() client sends JSON only). */
export async function importBankFile(file: File): Promise<PaymentImportResult> {
  const form = new FormData()
  form.set('file', file)
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': useUiStore().language }
  const csrf = useSessionStore().csrfToken
  if (csrf) headers['X-CSRF-Token'] = csrf
  let response: Response
  try {
    response = await fetch('/api/payments/import', { method: 'POST', body: form, headers, credentials: 'same-origin' })
  } catch {
    throw new BankFileRejected(0, { code: 'UNAVAILABLE', message: i18n.global.t('common.loadFailed') })
  }
  const body = (await response.json().catch(() => null)) as (PaymentImportResult & { error?: ErrorBody }) | null
  if (response.ok && body) return body
  throw new BankFileRejected(response.status, body?.error ?? { code: response.status >= 500 ? 'INTERNAL' : 'BAD_REQUEST', message: i18n.global.t('common.loadFailed') })
}
