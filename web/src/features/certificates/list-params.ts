import { certificateSortFields, certificateStatuses, expiryWindows, type CertificateStatus } from '@core/contracts/certificates'
import { customsOfficeCodes, type CustomsOfficeCode } from '@core/contracts/offices'

export type CertificateSortField = (typeof certificateSortFields)[number]

/** The registry list's filters and order as the address holds them, so a search can be bookmarked. */
export interface CertificateParams {
  q?: string
  status?: CertificateStatus
  officeCode?: CustomsOfficeCode
  expiresWithinDays?: (typeof expiryWindows)[number]
  /** expiring between these Taipei dates (YYYY-MM-DD), inclusive */
  expiresFrom?: string
  expiresTo?: string
  sort: CertificateSortField
  order: 'asc' | 'desc'
}
export type CertificateFilters = Omit<CertificateParams, 'sort' | 'order'>

/** The contract's defaults: the soonest to expire first. */
export const defaultSort: Pick<CertificateParams, 'sort' | 'order'> = { sort: 'notAfter', order: 'asc' }

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/
const oneOf = <T extends string>(list: readonly T[], value: unknown): T | undefined =>
  typeof value === 'string' && (list as readonly string[]).includes(value) ? (value as T) : undefined
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined)
const date = (value: unknown): string | undefined => (typeof value === 'string' && ISO_DATE.test(value) ? value : undefined)

/** Reads the address's query, dropping what is not a valid value (an old bookmark, a hand-edited link). */
export function certificateParamsFrom(query: Record<string, unknown>, options: { allOffices: boolean }): CertificateParams {
  const params: CertificateParams = {
    q: text(query.q),
    status: oneOf(certificateStatuses, query.status),
    officeCode: options.allOffices ? oneOf(customsOfficeCodes, query.officeCode) : undefined,
    expiresWithinDays: oneOf(expiryWindows, query.expiresWithinDays),
    expiresFrom: date(query.expiresFrom),
    expiresTo: date(query.expiresTo),
    sort: oneOf(certificateSortFields, query.sort) ?? defaultSort.sort,
    order: oneOf(['asc', 'desc'] as const, query.order) ?? defaultSort.order,
  }
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined)) as unknown as CertificateParams
}

/** The address's query for these params: defaults left out, so the plain list has a plain address. */
export function certificateQuery(params: CertificateParams): Record<string, string> {
  const out: Record<string, string> = {}
  const isDefault = params.sort === defaultSort.sort && params.order === defaultSort.order
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === '') continue
    if ((key === 'sort' || key === 'order') && isDefault) continue
    out[key] = String(value)
  }
  return out
}

/** el-table's sort-change into the server's sort; the table's `serialHex` column sorts by serial. */
export function sortFromTable(prop: string | null, order: 'ascending' | 'descending' | null): Pick<CertificateParams, 'sort' | 'order'> {
  const sort = prop === 'serialHex' ? 'serial' : oneOf(certificateSortFields, prop)
  if (!sort || !order) return { ...defaultSort }
  return { sort, order: order === 'descending' ? 'desc' : 'asc' }
}

/** A stable identity of what is listed: a new one starts paging again from the first page. */
export const listIdentity = (params: CertificateParams): string => JSON.stringify(certificateQuery(params))

/** The table's column for the server's sort field. */
export const tableSortProp = (sort: CertificateSortField) => (sort === 'serial' ? 'serialHex' : 'notAfter')
