import { applicationSortFields, channels, kinds, services, type Channel, type CertificateKindChoice, type Service } from '@core/contracts/applications'
import { customsOfficeCodes, type CustomsOfficeCode } from '@core/contracts/offices'
import type { ApplicationState } from '@core/workflow/application'
import { applicationStates } from './application-tags'

export type QueueSortField = (typeof applicationSortFields)[number]

/** The queue's filters and order as the address holds them, so a filtered queue can be bookmarked. */
export interface QueueParams {
  q?: string
  officeCode?: CustomsOfficeCode
  status?: ApplicationState
  channel?: Channel
  service?: Service
  kind?: CertificateKindChoice
  /** submitted between these Taipei dates (YYYY-MM-DD), inclusive */
  from?: string
  to?: string
  overdue?: 'true'
  sort: QueueSortField
  order: 'asc' | 'desc'
}
export type QueueFilters = Omit<QueueParams, 'sort' | 'order'>

/** The contract's defaults: the oldest received first, as a review queue is worked. */
export const defaultSort: Pick<QueueParams, 'sort' | 'order'> = { sort: 'submittedAt', order: 'asc' }

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/
const oneOf = <T extends string>(list: readonly T[], value: unknown): T | undefined =>
  typeof value === 'string' && (list as readonly string[]).includes(value) ? (value as T) : undefined
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined)
const date = (value: unknown): string | undefined => (typeof value === 'string' && ISO_DATE.test(value) ? value : undefined)

/** Reads the address's query, dropping what is not a valid value (an old bookmark, a hand-edited link). */
export function queueParamsFrom(query: Record<string, unknown>, options: { allOffices: boolean }): QueueParams {
  const params: QueueParams = {
    q: text(query.q),
    // office staff see their own office only (the server enforces it): no filter to set
    officeCode: options.allOffices ? oneOf(customsOfficeCodes, query.officeCode) : undefined,
    status: oneOf(applicationStates, query.status),
    channel: oneOf(channels, query.channel),
    service: oneOf(services, query.service),
    kind: oneOf(kinds, query.kind),
    from: date(query.from),
    to: date(query.to),
    overdue: query.overdue === 'true' ? 'true' : undefined,
    sort: oneOf(applicationSortFields, query.sort) ?? defaultSort.sort,
    order: oneOf(['asc', 'desc'] as const, query.order) ?? defaultSort.order,
  }
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined)) as unknown as QueueParams
}

/** The address's query for these params: defaults left out, so the plain queue has a plain address. */
export function queueQuery(params: QueueParams): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === '') continue
    if (key === 'sort' && value === defaultSort.sort && params.order === defaultSort.order) continue
    if (key === 'order' && value === defaultSort.order && params.sort === defaultSort.sort) continue
    out[key] = String(value)
  }
  return out
}

/** el-table's sort-change into the server's sort; clearing the sort goes back to the default. */
export function sortFromTable(prop: string | null, order: 'ascending' | 'descending' | null): Pick<QueueParams, 'sort' | 'order'> {
  const sort = oneOf(applicationSortFields, prop)
  if (!sort || !order) return { ...defaultSort }
  return { sort, order: order === 'descending' ? 'desc' : 'asc' }
}

/** A stable identity of what is listed: a new one starts paging again from the first page. */
export const queueIdentity = (params: QueueParams): string => JSON.stringify(queueQuery(params))
