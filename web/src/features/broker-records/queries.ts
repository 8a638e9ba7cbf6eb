import type {
  AppointmentListQuery,
  AppointmentPage,
  BrokerDetail,
  BrokerListQuery,
  BrokerPage,
  FirmDetail,
  FirmListQuery,
  FirmPage,
  ImportKind,
  ImportResult,
  ImportRowError,
} from '@core/contracts/broker-records'
import type { ErrorBody } from '@core/errors'
import { keepPreviousData, queryOptions } from '@tanstack/vue-query'
import { api, ApiError } from '@web/app/api'
import { i18n } from '@web/app/i18n'
import { useSessionStore } from '@web/stores/session'
import { useUiStore } from '@web/stores/ui'

export const RECORDS_PAGE_SIZE = 50

/** A list's filters as the page holds them (from the address); the cursor travels separately. */
export type FirmFilters = Omit<FirmListQuery, 'cursor' | 'limit'>
export type BrokerFilters = Omit<BrokerListQuery, 'cursor' | 'limit'>
export type AppointmentFilters = Omit<AppointmentListQuery, 'cursor' | 'limit'>

export const brokerRecordsKeys = {
  all: ['broker-records'] as const,
  firms: (filters: FirmFilters, cursor: string | undefined) => ['broker-records', 'firms', filters, cursor ?? null] as const,
  firm: (ubn: string) => ['broker-records', 'firm', ubn] as const,
  brokers: (filters: BrokerFilters, cursor: string | undefined) => ['broker-records', 'brokers', filters, cursor ?? null] as const,
  broker: (code: string) => ['broker-records', 'broker', code] as const,
  appointments: (filters: AppointmentFilters, cursor: string | undefined) => ['broker-records', 'appointments', filters, cursor ?? null] as const,
}

export function firmListQuery(filters: FirmFilters, cursor: string | undefined) {
  return queryOptions({
    queryKey: brokerRecordsKeys.firms(filters, cursor),
    queryFn: ({ signal }) => api<FirmPage>('/api/broker-records/firms', { query: { ...filters, cursor, limit: RECORDS_PAGE_SIZE }, signal }),
    placeholderData: keepPreviousData,
  })
}

export function firmDetailQuery(ubn: string) {
  return queryOptions({
    queryKey: brokerRecordsKeys.firm(ubn),
    queryFn: ({ signal }) => api<FirmDetail>(`/api/broker-records/firms/${ubn}`, { signal }),
  })
}

export function brokerListQuery(filters: BrokerFilters, cursor: string | undefined) {
  return queryOptions({
    queryKey: brokerRecordsKeys.brokers(filters, cursor),
    queryFn: ({ signal }) => api<BrokerPage>('/api/broker-records/brokers', { query: { ...filters, cursor, limit: RECORDS_PAGE_SIZE }, signal }),
    placeholderData: keepPreviousData,
  })
}

export function brokerDetailQuery(code: string) {
  return queryOptions({
    queryKey: brokerRecordsKeys.broker(code),
    queryFn: ({ signal }) => api<BrokerDetail>(`/api/broker-records/brokers/${code}`, { signal }),
  })
}

export function appointmentListQuery(filters: AppointmentFilters, cursor: string | undefined) {
  return queryOptions({
    queryKey: brokerRecordsKeys.appointments(filters, cursor),
    queryFn: ({ signal }) => api<AppointmentPage>('/api/broker-records/appointments', { query: { ...filters, cursor, limit: RECORDS_PAGE_SIZE }, signal }),
    placeholderData: keepPreviousData,
  })
}

/** A refused import: the API's error with the file's row-by-row problems. */
export class ImportRejected extends ApiError {
  readonly rows: ImportRowError[]
  constructor(status: number, body: ErrorBody) {
    super(status, body)
    this.rows = body.rows ?? []
  }
}

/**
 * Uploads a CSV as multipart form data (the shared api() client sends JSON only). A refusal comes back as
 * ImportRejected, whose `rows` hold the problems by line and column.
 */
export async function importRecords(kind: ImportKind, file: File, dryRun: boolean): Promise<ImportResult> {
  const form = new FormData()
  form.set('kind', kind)
  form.set('file', file)
  if (dryRun) form.set('dryRun', 'true')
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': useUiStore().language }
  const csrf = useSessionStore().csrfToken
  if (csrf) headers['X-CSRF-Token'] = csrf
  let response: Response
  try {
    response = await fetch('/api/broker-records/import', { method: 'POST', body: form, headers, credentials: 'same-origin' })
  } catch {
    throw new ImportRejected(0, { code: 'UNAVAILABLE', message: i18n.global.t('common.loadFailed') })
  }
  const body = (await response.json().catch(() => null)) as (ImportResult & { error?: ErrorBody }) | null
  if (response.ok && body) return body
  const error = body?.error ?? { code: response.status >= 500 ? 'INTERNAL' : 'BAD_REQUEST', message: i18n.global.t('common.loadFailed') }
  throw new ImportRejected(response.status, error)
}
