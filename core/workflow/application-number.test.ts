import { describe, expect, it } from 'vitest'
import { checkDigit, formatApplicationNo, parseApplicationNo } from './application-number'

describe('application numbers', () => {
  it('formats office, ROC year and sequence with a check digit, and parses them back', () => {
    const no = formatApplicationNo('AA', 115, 42)
    expect(no).toMatch(/^AA115000042\d$/)
    expect(parseApplicationNo(no)).toEqual({ officeCode: 'AA', rocYear: 115, sequence: 42 })
  })

  it('catches every single mistyped digit and every swap of two different neighbouring digits', () => {
    const no = formatApplicationNo('CA', 114, 123456)
    for (let i = 2; i < no.length; i++) {
      for (let d = 0; d <= 9; d++) {
        const typo = no.slice(0, i) + d + no.slice(i + 1)
        if (typo !== no) expect(parseApplicationNo(typo), typo).toBeNull()
      }
    }
    for (let i = 2; i < no.length - 1; i++) {
      const swapped = no.slice(0, i) + no[i + 1] + no[i] + no.slice(i + 2)
      // weights 3 and 1 cannot tell apart neighbours that differ by 5
      if (swapped !== no && Math.abs(Number(no[i]) - Number(no[i + 1])) !== 5) expect(parseApplicationNo(swapped), swapped).toBeNull()
    }
  })

  it('rejects unknown offices, wrong lengths and out-of-range sequences', () => {
    expect(parseApplicationNo('ZZ1150000011')).toBeNull()
    expect(parseApplicationNo('AA11500001')).toBeNull()
    expect(() => formatApplicationNo('AA', 115, 0)).toThrow(RangeError)
    expect(() => formatApplicationNo('AA', 115, 1_000_000)).toThrow(RangeError)
    expect(checkDigit('AA115000001')).toMatch(/^\d$/)
  })
})

describe('fee slip numbers', () => {
  it('are 14 characters like the seed slip, with a check digit that catches a typo', async () => {
    const { formatFeeSlipNo, parseFeeSlipNo } = await import('./fee-slip-number')
    const no = formatFeeSlipNo('AA', 115, 42)
    expect(no).toMatch(/^AAF1150000042\d$/)
    expect(no).toHaveLength(14)
    expect(parseFeeSlipNo(no)).toEqual({ officeCode: 'AA', rocYear: 115, sequence: 42 })
    expect(parseFeeSlipNo(no.slice(0, 12) + ((Number(no[12]) + 1) % 10) + no[13])).toBeNull()
  })
})
