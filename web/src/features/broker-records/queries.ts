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
} from '@core/contracts/broker-records'
import { keepPreviousData, queryOptions } from '@tanstack/vue-query'
import { api } from '@web/app/api'

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

/** Uploads a CSV; a refusal is an ApiError whose `rows` hold the problems by line and column. */
export function importRecords(kind: ImportKind, file: File, dryRun: boolean): Promise<ImportResult> {
  const form = new FormData()
  form.set('kind', kind)
  form.set('file', file)
  if (dryRun) form.set('dryRun', 'true')
  return api<ImportResult>('/api/broker-records/import', { method: 'POST', body: form })
}
