import { z } from 'zod'
import type { LocalizedText } from '../i18n'

/** 費別 on the printed slip (seed 002: 存款種類：通關專屬憑證費). */
export const FEE_TYPE: LocalizedText = { 'zh-TW': '通關專屬憑證費', en: 'Customs-dedicated certificate fee' }

export const feeSlipStatuses = ['unpaid', 'paid', 'void'] as const
export type FeeSlipStatus = (typeof feeSlipStatuses)[number]

/**
 * A slip number as typed: trimmed, upper-cased, the 14-character shape (office + F + ROC year + sequence +
 * check digit). The check digit itself is checked by the server (parseFeeSlipNo), which names it.
 */
export const slipNoSchema = z
  .string({ message: 'required' })
  .trim()
  .toUpperCase()
  .min(1, { message: 'required' })
  .regex(/^[A-Z]{2}F\d{11}$/, { message: 'invalidFormat' })

/** `GET /api/fee-slips/:slipNo` */
export const slipNoParam = z.object({ slipNo: slipNoSchema })

/** A fee slip as the print view shows it: the three parts of the NS11 bank slip carry these fields. */
export interface FeeSlip {
  slipNo: string
  applicationId: number
  applicationNo: string
  officeCode: string
  payerUbn: string
  payerName: string
  feeType: LocalizedText
  /** NT$, for `count` certificates */
  amount: number
  count: number
  /** Taipei calendar dates, YYYY-MM-DD */
  issuedOn: string
  dueOn: string
  status: FeeSlipStatus
  paidAt: string | null
}
