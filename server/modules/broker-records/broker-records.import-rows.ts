import { z } from 'zod'
import { businessTypes, importColumns, licenceStatuses, qualificationStatuses, type ImportKind } from '../../../core/contracts/broker-records'
import { customsOfficeCodes } from '../../../core/contracts/offices'
import { plainText } from '../../../core/contracts/text'
import type { MessageRef, Params } from '../../../core/errors'
import { interpolate, type LocalizedText } from '../../../core/i18n'
import { brokerCodeSchema, isIsoDate, landlineSchema, personIdSchema, toHalfWidth, ubnSchema } from '../../../core/tw'
import { issueMessage } from '../../lib/validate'
import type { CsvRecord } from './broker-records.csv'

/** One problem of an import file: its 1-based line, the column ('' for the whole row) and what is wrong. */
export interface RowIssue {
  line: number
  column: string
  message: MessageRef | { key: string; params?: Params }
}

/** Messages of the CSV rules that core/messages.ts has no key for. */
const rowMessages = {
  dateFormat: { 'zh-TW': '日期須為 YYYY-MM-DD（西元），例如 2024-02-29', en: 'Dates are YYYY-MM-DD (Gregorian), e.g. 2024-02-29' },
  boxNoFormat: { 'zh-TW': '箱號須為 3 碼英文字母或數字', en: 'The box number is 3 letters or digits' },
  endBeforeStart: { 'zh-TW': '結束日不可早於開始日', en: 'The end date must not be before the start date' },
  disqualifiedOnRequired: { 'zh-TW': '喪失資格（disqualified）須填喪失資格日', en: 'A disqualified broker needs disqualified_on' },
  disqualifiedOnUnexpected: { 'zh-TW': '具資格（qualified）者不可有喪失資格日', en: 'A qualified broker has no disqualified_on' },
} satisfies Record<string, LocalizedText>

const isRowMessage = (key: string): key is keyof typeof rowMessages => Object.hasOwn(rowMessages, key)

/** A required cell: empty says "required", then the schema's own rule. */
const required = <T extends z.ZodType<unknown, string>>(schema: T) => z.string().trim().min(1, { message: 'required', abort: true }).pipe(schema)
/** An optional cell: empty is null. */
const optional = <T extends z.ZodType<unknown, string>>(schema: T) =>
  z
    .string()
    .trim()
    .transform((v) => (v === '' ? null : v))
    .pipe(schema.nullable())
const text = (max: number) => plainText(max)
const day = z.string().refine(isIsoDate, { message: 'dateFormat' })
const boxNo = z
  .string()
  .transform((v) => toHalfWidth(v).toUpperCase())
  .pipe(z.string().regex(/^[0-9A-Z]{3}$/, { message: 'boxNoFormat' }))

/** `end` on or after `start`, reported on the end column; both are YYYY-MM-DD, which sort as text. */
function inOrder<T extends Record<string, unknown>>(start: keyof T & string, end: keyof T & string) {
  return (v: T, ctx: z.RefinementCtx) => {
    const [from, to] = [v[start] as string | null, v[end] as string | null]
    if (from && to && to < from) ctx.addIssue({ code: 'custom', path: [end], message: 'endBeforeStart' })
  }
}

const firmRow = z.object({
  ubn: required(ubnSchema),
  name: required(text(100)),
  representative: optional(text(50)),
  address: optional(text(200)),
  phone: optional(landlineSchema),
  office_code: required(z.enum(customsOfficeCodes)),
  box_no: optional(boxNo),
})

const licenceRow = z
  .object({
    ubn: required(ubnSchema),
    business_type: required(z.enum(businessTypes)),
    status: required(z.enum(licenceStatuses)),
    licensed_on: required(day),
    expires_on: optional(day),
  })
  .superRefine(inOrder('licensed_on', 'expires_on'))

const brokerRow = z
  .object({
    code: required(brokerCodeSchema),
    national_id: required(personIdSchema),
    name: required(text(50)),
    qualification_status: required(z.enum(qualificationStatuses)),
    qualified_on: required(day),
    disqualified_on: optional(day),
  })
  .superRefine((v, ctx) => {
    if (v.qualification_status === 'disqualified' && !v.disqualified_on) ctx.addIssue({ code: 'custom', path: ['disqualified_on'], message: 'disqualifiedOnRequired' })
    if (v.qualification_status === 'qualified' && v.disqualified_on) ctx.addIssue({ code: 'custom', path: ['disqualified_on'], message: 'disqualifiedOnUnexpected' })
    inOrder<typeof v>('qualified_on', 'disqualified_on')(v, ctx)
  })

const appointmentRow = z
  .object({
    broker_code: required(brokerCodeSchema),
    firm_ubn: required(ubnSchema),
    from_date: required(day),
    to_date: optional(day),
  })
  .superRefine(inOrder('from_date', 'to_date'))

export type FirmRow = z.output<typeof firmRow>
export type LicenceRow = z.output<typeof licenceRow>
export type BrokerRow = z.output<typeof brokerRow>
export type AppointmentRow = z.output<typeof appointmentRow>
export interface RowsOf {
  firms: FirmRow
  licences: LicenceRow
  brokers: BrokerRow
  appointments: AppointmentRow
}
const rowSchemas = { firms: firmRow, licences: licenceRow, brokers: brokerRow, appointments: appointmentRow }

function rowIssueMessage(issue: z.core.$ZodIssue, data: unknown): RowIssue['message'] {
  if (issue.code === 'invalid_value') {
    const values = issue.values.map(String)
    return { 'zh-TW': `不是可選的值，須為：${values.join('、')}`, en: `Not an allowed value; use one of: ${values.join(', ')}` }
  }
  if (isRowMessage(issue.message)) return rowMessages[issue.message]
  return issueMessage(issue, data)
}

const headerMessages = {
  missing: { 'zh-TW': '缺少此欄位（標題列須有：{columns}）', en: 'This column is missing (the header needs: {columns})' },
  unknown: { 'zh-TW': '不認得的欄位名稱（標題列須有：{columns}）', en: 'Unknown column name (the header needs: {columns})' },
  repeated: { 'zh-TW': '欄位名稱重複', en: 'This column appears twice' },
  empty: { 'zh-TW': '檔案沒有標題列', en: 'The file has no header row' },
  fieldCount: { 'zh-TW': '此列有 {found} 個欄位，標題列有 {expected} 個', en: 'This row has {found} fields; the header has {expected}' },
}

const withParams = (text: LocalizedText, params: Params): LocalizedText => ({ 'zh-TW': interpolate(text['zh-TW'], params), en: interpolate(text.en, params) })

/**
 * Reads the header (exact names, any order) and checks every data row against its kind's schema. Blank rows
 * are skipped. Returns the valid rows with their lines, and an issue for every bad cell (the first per cell).
 */
/** Reading stops at this many problems: the file is refused anyway, and a file of nothing but errors costs no more than this. */
export const MAX_ISSUES = 1000

export function readRows<K extends ImportKind>(kind: K, records: CsvRecord[]): { rows: { line: number; row: RowsOf[K] }[]; issues: RowIssue[]; dataRows: number } {
  const expected: readonly string[] = importColumns[kind]
  const columns = expected.join(',')
  const issues: RowIssue[] = []
  const [header, ...data] = records
  if (!header) return { rows: [], issues: [{ line: 1, column: '', message: headerMessages.empty }], dataRows: 0 }
  const names = header.fields.map((f) => f.trim())
  names.forEach((name, i) => {
    if (!expected.includes(name)) issues.push({ line: 1, column: name, message: withParams(headerMessages.unknown, { columns }) })
    else if (names.indexOf(name) !== i) issues.push({ line: 1, column: name, message: headerMessages.repeated })
  })
  for (const name of expected) if (!names.includes(name)) issues.push({ line: 1, column: name, message: withParams(headerMessages.missing, { columns }) })
  if (issues.length > 0) return { rows: [], issues, dataRows: 0 }

  const schema = rowSchemas[kind]
  const rows: { line: number; row: RowsOf[K] }[] = []
  let dataRows = 0
  for (const record of data) {
    if (issues.length >= MAX_ISSUES) break
    if (record.fields.every((f) => f.trim() === '')) continue
    dataRows++
    if (record.fields.length !== names.length) {
      issues.push({ line: record.line, column: '', message: withParams(headerMessages.fieldCount, { found: record.fields.length, expected: names.length }) })
      continue
    }
    const input = Object.fromEntries(names.map((name, i) => [name, record.fields[i]]))
    const result = schema.safeParse(input)
    if (result.success) {
      rows.push({ line: record.line, row: result.data as RowsOf[K] })
      continue
    }
    const seen = new Set<string>()
    for (const issue of result.error.issues) {
      const column = String(issue.path[0] ?? '')
      if (seen.has(column)) continue
      seen.add(column)
      issues.push({ line: record.line, column, message: rowIssueMessage(issue, input) })
    }
  }
  return { rows, issues, dataRows }
}
