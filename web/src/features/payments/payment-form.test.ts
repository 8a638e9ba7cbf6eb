import { formatFeeSlipNo } from '@core/workflow/fee-slip-number'
import { describe, expect, it } from 'vitest'
import { paymentBody, wrongCheckDigit } from './payment-form'

describe('the payment form', () => {
  it('sends the slip number as the server keys it, and the amount as a number', () => {
    expect(paymentBody({ slipNo: ' aaf11500000013 ', amount: '2,000', paidOn: '2026-11-20', channel: 'atm' })).toEqual({ slipNo: 'AAF11500000013', amount: 2000, paidOn: '2026-11-20', channel: 'atm' })
    expect(paymentBody({ slipNo: 'x', amount: '2k', paidOn: '', channel: 'counter' }).amount).toBeNaN()
  })

  it('catches a typo in the check digit, and leaves malformed numbers to the schema', () => {
    const good = formatFeeSlipNo('AA', 115, 1)
    expect(wrongCheckDigit(good)).toBe(false)
    expect(wrongCheckDigit(good.slice(0, 13) + ((Number(good[13]) + 1) % 10))).toBe(true)
    expect(wrongCheckDigit('AAF1')).toBe(false)
  })
})
