import type { PaymentChannel, RecordPaymentRequest } from '@core/contracts/payments'
import { parseFeeSlipNo } from '@core/workflow/fee-slip-number'

export interface PaymentFormState {
  slipNo: string
  amount: string
  paidOn: string
  channel: PaymentChannel
}

/** The request as the clerk typed it: the slip number trimmed and upper-cased, the amount a number (NaN if not one). */
export function paymentBody(form: PaymentFormState): RecordPaymentRequest {
  const amount = form.amount.trim().replace(/,/g, '')
  return { slipNo: form.slipNo.trim().toUpperCase(), amount: /^\d+$/.test(amount) ? Number(amount) : Number.NaN, paidOn: form.paidOn, channel: form.channel }
}

/** A slip number of the right shape whose check digit is wrong: a typo to catch before the round trip. */
export const wrongCheckDigit = (slipNo: string) => /^[A-Z]{2}F\d{11}$/.test(slipNo) && parseFeeSlipNo(slipNo) === null
