import { z } from 'zod'
import type { LocalizedText } from '../i18n'
import { isIsoDate } from '../tw'
import { slipNoSchema } from './fee-slips'
import { cursorQuery, searchText, type CursorPage } from './paging'

export const paymentChannels = ['counter', 'bank-transfer', 'atm', 'convenience-store'] as const
export type PaymentChannel = (typeof paymentChannels)[number]
export const paymentChannelNames: Record<PaymentChannel, LocalizedText> = {
  counter: { 'zh-TW': '臨櫃', en: 'Counter' },
  'bank-transfer': { 'zh-TW': '匯款', en: 'Bank transfer' },
  atm: { 'zh-TW': 'ATM 轉帳', en: 'ATM' },
  'convenience-store': { 'zh-TW': '超商代收', en: 'Convenience store' },
}

const isoDay = z.string({ message: 'required' }).trim().min(1, { message: 'required' }).refine(isIsoDate, { message: 'invalidDate' })

/**
 * `POST /api/payments`: a payment keyed by a clerk from the bank's receipt. The server also checks the slip
 * number's check digit, that paidOn is not in the future, and the slip itself (found, not void, amount, due date).
 */
export const recordPaymentRequest = z.strictObject({
  slipNo: slipNoSchema,
  amount: z.number({ message: 'invalidType' }).int({ message: 'invalidType' }).positive({ message: 'tooSmall' }).max(10_000_000, { message: 'tooBig' }),
  paidOn: isoDay,
  channel: z.enum(paymentChannels, { message: 'invalidOption' }),
})
export type RecordPaymentRequest = z.input<typeof recordPaymentRequest>

export interface Payment {
  id: number
  slipNo: string
  applicationId: number
  applicationNo: string
  officeCode: string
  payerUbn: string
  payerName: string
  amount: number
  paidOn: string
  channel: PaymentChannel
  /** the bank's transaction reference (bank-file rows) */
  reference: string | null
  source: 'clerk' | 'bank-file'
  recordedBy: string | null
  recordedAt: string
}

/** `alreadyRecorded`: the slip was paid before; nothing changed and `payment` is the earlier one. */
export interface RecordPaymentResult {
  payment: Payment
  alreadyRecorded: boolean
}

/** `GET /api/payments`: newest payment date first; `from`/`to` bound the payment date (YYYY-MM-DD). */
export const paymentListQuery = z
  .strictObject({
    q: searchText,
    from: isoDay.optional(),
    to: isoDay.optional(),
    ...cursorQuery,
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ['to'], message: 'dateRange' })
export type PaymentListQuery = z.input<typeof paymentListQuery>
export type PaymentPage = CursorPage<Payment>

/** The bank reconciliation file (docs/operations.md, "Payments and the bank file"). */
export const BANK_FILE_MAX_BYTES = 2 * 1024 * 1024
export const bankFileColumns = ['reference', 'slip_no', 'amount', 'paid_on', 'channel'] as const

/** `POST /api/payments/import` (multipart) */
export const importPaymentsRequest = z.strictObject({ file: z.file({ message: 'required' }) })

export const importOutcomes = ['applied', 'already-paid', 'unknown-slip', 'wrong-amount', 'void', 'duplicate', 'invalid'] as const
export type ImportOutcome = (typeof importOutcomes)[number]

export interface ImportReportRow {
  /** 1-based file line (1 is the header) */
  line: number
  slipNo: string
  reference: string
  outcome: ImportOutcome
  message: string
}

export interface PaymentImportResult {
  importId: number
  fileName: string
  sha256: string
  rows: number
  applied: number
  importedAt: string
  /** the same file (by SHA-256) was imported before: nothing was applied now; the counts are the earlier import's */
  alreadyImported: boolean
  report: ImportReportRow[]
}
