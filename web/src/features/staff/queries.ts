import type { OfficeCode } from '@core/contracts/offices'
import type { Role } from '@core/contracts/roles'
import type {
  CreateStaffRequest,
  Staff,
  StaffPage,
  StaffWithPassword,
  UpdateStaffRequest,
  staffSortFields,
} from '@core/contracts/staff'
import { keepPreviousData, queryOptions } from '@tanstack/vue-query'
import { api } from '@web/app/api'

export type StaffSortField = (typeof staffSortFields)[number]

/** The list's query string, as the page holds it (the contract's input type has coerced unknowns). */
export interface StaffListParams {
  q?: string
  officeCode?: OfficeCode
  role?: Role
  status?: Staff['status']
  sort: StaffSortField
  order: 'asc' | 'desc'
  page: number
  pageSize: number
}

export const staffKeys = {
  all: ['staff'] as const,
  list: (params: StaffListParams) => ['staff', 'list', params] as const,
  detail: (id: number) => ['staff', 'detail', id] as const,
}

export function staffListQuery(params: StaffListParams) {
  return queryOptions({
    queryKey: staffKeys.list(params),
    queryFn: ({ signal }) => api<StaffPage>('/api/staff', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  })
}

export function staffDetailQuery(id: number) {
  return queryOptions({
    queryKey: staffKeys.detail(id),
    queryFn: ({ signal }) => api<Staff>(`/api/staff/${id}`, { signal }),
  })
}

export const createStaff = (body: CreateStaffRequest) => api<StaffWithPassword>('/api/staff', { method: 'POST', body })

export const updateStaff = (id: number, body: UpdateStaffRequest) => api<Staff>(`/api/staff/${id}`, { method: 'PATCH', body })

export type StaffAction = 'disable' | 'enable' | 'unlock'

export const runStaffAction = (staff: Pick<Staff, 'id' | 'version'>, action: StaffAction) =>
  api<Staff>(`/api/staff/${staff.id}/${action}`, { method: 'POST', body: { version: staff.version } })

export const resetStaffPassword = (staff: Pick<Staff, 'id' | 'version'>) =>
  api<StaffWithPassword>(`/api/staff/${staff.id}/reset-password`, { method: 'POST', body: { version: staff.version } })
