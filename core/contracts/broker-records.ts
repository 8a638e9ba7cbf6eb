import { z } from 'zod'
import type { LocalizedText } from '../i18n'
import { brokerCodeSchema, ubnSchema } from '../tw'
import { officeCodeSchema, type OfficeCode } from './offices'
import { cursorQuery, searchText, sortOrderSchema, type CursorPage } from './paging'

/** 申請業別: the business types a firm may hold a licence for and apply under (seed 002). */
export const businessTypes = ['customs-broker', 'transport', 'warehouse', 'forwarder', 'free-trade-zone', 'inspection'] as const
export type BusinessType = (typeof businessTypes)[number]

export const businessTypeNames: Record<BusinessType, LocalizedText> = {
  'customs-broker': { 'zh-TW': '報關業(含自行報關)', en: 'Customs broker (incl. self-filing)' },
  transport: { 'zh-TW': '運輸業', en: 'Transport' },
  warehouse: { 'zh-TW': '倉儲業(含貨櫃集散站)', en: 'Warehousing (incl. container yards)' },
  forwarder: { 'zh-TW': '承攬業', en: 'Freight forwarding' },
  'free-trade-zone': { 'zh-TW': '自由貿易港區事業', en: 'Free trade zone enterprise' },
  inspection: { 'zh-TW': '報驗業', en: 'Inspection agent' },
}

export const licenceStatuses = ['active', 'suspended', 'revoked'] as const
export type LicenceStatus = (typeof licenceStatuses)[number]
export const licenceStatusNames: Record<LicenceStatus, LocalizedText> = {
  active: { 'zh-TW': '有效', en: 'Active' },
  suspended: { 'zh-TW': '停業', en: 'Suspended' },
  revoked: { 'zh-TW': '撤銷', en: 'Revoked' },
}

export const qualificationStatuses = ['qualified', 'disqualified'] as const
export type QualificationStatus = (typeof qualificationStatuses)[number]
export const qualificationStatusNames: Record<QualificationStatus, LocalizedText> = {
  qualified: { 'zh-TW': '具資格', en: 'Qualified' },
  disqualified: { 'zh-TW': '喪失資格', en: 'Disqualified' },
}

export const appointmentStatuses = ['active', 'ended'] as const
export type AppointmentStatus = (typeof appointmentStatuses)[number]
export const appointmentStatusNames: Record<AppointmentStatus, LocalizedText> = {
  active: { 'zh-TW': '委任中', en: 'Active' },
  ended: { 'zh-TW': '已終止', en: 'Ended' },
}

/** The first letter of a broker code: the office that licensed the broker (A 基隆, B 高雄, C 臺北, D 臺中). */
export const brokerOfficeLetters = ['A', 'B', 'C', 'D'] as const

export interface FirmLicence {
  businessType: BusinessType
  status: LicenceStatus
  licensedOn: string
  expiresOn: string | null
}

export interface Firm {
  ubn: string
  name: string
  representative: string | null
  address: string | null
  phone: string | null
  officeCode: OfficeCode
  /** 箱號: 3 characters, unique within the office */
  boxNo: string | null
  updatedAt: string
}

/** A firm with its licences: a list row, and what `findFirmRecord` gives the applications module. */
export interface FirmRecord extends Firm {
  licences: FirmLicence[]
}

/** 委任關係: a broker working for a firm; dates are `YYYY-MM-DD`, `toDate` null while it lasts. */
export interface Appointment {
  id: number
  brokerCode: string
  brokerName: string
  firmUbn: string
  firmName: string
  firmOfficeCode: OfficeCode
  fromDate: string
  toDate: string | null
  status: AppointmentStatus
}

/** A firm's page: licences, and its appointments, current ones first. */
export interface FirmDetail extends FirmRecord {
  appointments: Appointment[]
}

export interface Broker {
  code: string
  /** in full: only the detail page and the record lookups show it */
  nationalId: string
  name: string
  qualificationStatus: QualificationStatus
  qualifiedOn: string
  disqualifiedOn: string | null
}

/** A list row: the ID number masked (`A12****789`), and the firms the broker works for now. */
export interface BrokerListItem extends Omit<Broker, 'nationalId'> {
  nationalIdMasked: string
  currentFirms: { ubn: string; name: string }[]
}

/** A broker's page: the whole appointment history, newest first (the timeline). */
export interface BrokerDetail extends Broker {
  appointments: Appointment[]
}

/** What `findBrokerRecord` gives the applications module. */
export interface BrokerRecord extends Broker {
  activeAppointments: Appointment[]
}

export type FirmPage = CursorPage<FirmRecord>
export type BrokerPage = CursorPage<BrokerListItem>
export type AppointmentPage = CursorPage<Appointment>

/** Keyset paging: the cursor carries the last row's sort value and key, so it may be longer than an id. */
const recordsPaging = {
  cursor: z.string().max(1000, { message: 'tooLong' }).optional(),
  limit: cursorQuery.limit,
}

export const firmSortFields = ['ubn', 'name', 'officeCode', 'updatedAt'] as const
export type FirmSortField = (typeof firmSortFields)[number]
export const firmListQuery = z.strictObject({
  /** a UBN prefix or part of the name */
  q: searchText,
  officeCode: officeCodeSchema.optional(),
  businessType: z.enum(businessTypes, { message: 'invalidOption' }).optional(),
  /** with businessType: a licence of that type in that status; alone: any licence in that status */
  licenceStatus: z.enum(licenceStatuses, { message: 'invalidOption' }).optional(),
  sort: z.enum(firmSortFields, { message: 'invalidOption' }).default('ubn'),
  order: sortOrderSchema,
  ...recordsPaging,
})
export type FirmListQuery = z.input<typeof firmListQuery>

export const brokerSortFields = ['code', 'name', 'qualifiedOn'] as const
export type BrokerSortField = (typeof brokerSortFields)[number]
export const brokerListQuery = z.strictObject({
  /** a broker code prefix, part of the name, or a whole ID number */
  q: searchText,
  qualificationStatus: z.enum(qualificationStatuses, { message: 'invalidOption' }).optional(),
  officeLetter: z.enum(brokerOfficeLetters, { message: 'invalidOption' }).optional(),
  sort: z.enum(brokerSortFields, { message: 'invalidOption' }).default('code'),
  order: sortOrderSchema,
  ...recordsPaging,
})
export type BrokerListQuery = z.input<typeof brokerListQuery>

/** Appointments in order of their start date, newest first unless asked otherwise. */
export const appointmentListQuery = z.strictObject({
  /** a broker code or UBN prefix, or part of the broker's or firm's name */
  q: searchText,
  brokerCode: brokerCodeSchema.optional(),
  firmUbn: ubnSchema.optional(),
  /** the firm's office */
  officeCode: officeCodeSchema.optional(),
  status: z.enum(appointmentStatuses, { message: 'invalidOption' }).optional(),
  order: z.enum(['asc', 'desc'], { message: 'invalidOption' }).default('desc'),
  ...recordsPaging,
})
export type AppointmentListQuery = z.input<typeof appointmentListQuery>

export const firmParam = z.strictObject({ ubn: ubnSchema })
export const brokerParam = z.strictObject({ code: brokerCodeSchema })

/** What a CSV import loads; each kind is one table of the records. */
export const importKinds = ['firms', 'licences', 'brokers', 'appointments'] as const
export type ImportKind = (typeof importKinds)[number]
export const importKindNames: Record<ImportKind, LocalizedText> = {
  firms: { 'zh-TW': '業者', en: 'Firms' },
  licences: { 'zh-TW': '業者執照', en: 'Firm licences' },
  brokers: { 'zh-TW': '專責報關人員', en: 'Brokers' },
  appointments: { 'zh-TW': '委任關係', en: 'Appointments' },
}

/** The largest CSV file an import accepts. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024

/**
 * Each kind's header row: these exact names, in any order, each once (docs/operations.md, "Broker records
 * CSV"). The first columns are the key a row upserts by: a row whose key exists updates that record.
 */
export const importColumns = {
  firms: ['ubn', 'name', 'representative', 'address', 'phone', 'office_code', 'box_no'],
  licences: ['ubn', 'business_type', 'status', 'licensed_on', 'expires_on'],
  brokers: ['code', 'national_id', 'name', 'qualification_status', 'qualified_on', 'disqualified_on'],
  appointments: ['broker_code', 'firm_ubn', 'from_date', 'to_date'],
} as const satisfies Record<ImportKind, readonly string[]>

/** The multipart form of `POST /api/broker-records/import`; `dryRun=true` checks and counts, writing nothing. */
export const importRequest = z.strictObject({
  kind: z.enum(importKinds, { message: 'invalidOption' }),
  file: z.file({ message: 'required' }),
  dryRun: z
    .enum(['true', 'false'], { message: 'invalidOption' })
    .optional()
    .transform((v) => v === 'true'),
})

export interface ImportResult {
  kind: ImportKind
  fileName: string
  sha256: string
  bytes: number
  /** data rows read (blank lines are skipped) */
  rows: number
  inserted: number
  updated: number
  /** rows whose record exists and already holds the same values */
  unchanged: number
  dryRun: boolean
}

/** One problem of an import file, as the error body's `rows` carries it (line 1 is the header). */
export interface ImportRowError {
  line: number
  column: string
  message: string
}
