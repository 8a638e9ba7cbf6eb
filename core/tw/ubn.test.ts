import { describe, expect, it } from 'vitest'
import { isValidUbn, makeUbn, normalizeUbn, passesUbnChecksum, ubnSchema } from './ubn'

const weights = [1, 2, 1, 2, 1, 2, 4, 1]
const contribution = (digit: number, weight: number) => Math.floor((digit * weight) / 10) + ((digit * weight) % 10)
const weightedSum = (ubn: string) => Array.from(ubn, (d, i) => contribution(Number(d), weights[i])).reduce((a, b) => a + b, 0)

/**
 * An 8-digit number with the given weighted sum and with or without 7 as its 7th digit, or null
 * when no number has that pair. The checksum reads a number only through this pair.
 */
function witness(sum: number, seventhIsSeven: boolean): string | null {
  const seventhOptions = seventhIsSeven ? [7] : [9, 8, 6, 5, 4, 3, 2, 1, 0]
  for (const seventh of seventhOptions) {
    let rest = sum - contribution(seventh, 4)
    if (rest < 0 || rest > 63) continue
    const digits: number[] = []
    for (const weight of [1, 2, 1, 2, 1, 2, 1]) {
      const target = Math.min(9, rest)
      // Weights 1 and 2 can each contribute any amount from 0 to 9.
      const digit = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].find((d) => contribution(d, weight) === target) ?? 0
      digits.push(digit)
      rest -= target
    }
    digits.splice(6, 0, seventh)
    return digits.join('')
  }
  return null
}

describe('UBN check digit', () => {
  it('accepts real numbers and the MoF examples', () => {
    expect(['04595257', '22099131', '84149961', '10458575'].every(isValidUbn)).toBe(true)
    expect(['04595253', '22099130', '12345678'].some(isValidUbn)).toBe(false)
  })

  it('takes either reading of the 10 when the 7th digit is 7', () => {
    // Sum 14: fails as read, passes when the 10 from 7 × 4 counts as 1 (sum 15).
    const withSeven = witness(14, true)
    const withoutSeven = witness(14, false)
    expect(withSeven?.[6]).toBe('7')
    expect(isValidUbn(withSeven ?? '')).toBe(true)
    expect(isValidUbn(withoutSeven ?? '')).toBe(false)
    // A published number that passes only through this reading (sum 29).
    expect(weightedSum('10458574')).toBe(29)
    expect(isValidUbn('10458574')).toBe(true)
  })

  it('applies the 2023 rule: divisible by 5 is enough', () => {
    expect(passesUbnChecksum('12345670', 10)).toBe(false)
    expect(isValidUbn('12345670')).toBe(true)
    expect(isValidUbn('00000074')).toBe(true)
  })

  it('proves every number valid under the pre-2023 rule is valid under the 2023 rule', () => {
    let classes = 0
    for (let sum = 0; sum <= 73; sum++) {
      for (const seventhIsSeven of [false, true]) {
        const ubn = witness(sum, seventhIsSeven)
        if (ubn === null) continue
        classes++
        expect(weightedSum(ubn), ubn).toBe(sum)
        if (passesUbnChecksum(ubn, 10)) expect(passesUbnChecksum(ubn, 5), ubn).toBe(true)
      }
    }
    // Sums 0–72 without a 7 in 7th place, 10–73 with it.
    expect(classes).toBe(73 + 64)
  })

  it('rejects 00000000 although the arithmetic passes', () => {
    expect(passesUbnChecksum('00000000', 10)).toBe(true)
    expect(isValidUbn('00000000')).toBe(false)
  })

  it('requires exactly 8 ASCII digits', () => {
    expect(['0459525', '045952570', '0459525a', ' 04595257', '０４５９５２５７'].some(isValidUbn)).toBe(false)
    expect(normalizeUbn(' ０４５９５２５７ ')).toBe('04595257')
  })
})

describe('makeUbn', () => {
  it('is deterministic and valid under both rules where possible', () => {
    for (const prefix of ['0459525', '1234567', '9999999', '1045857', '0000001']) {
      const ubn = makeUbn(prefix)
      expect(ubn.startsWith(prefix)).toBe(true)
      expect(makeUbn(prefix)).toBe(ubn)
      expect(passesUbnChecksum(ubn, 10)).toBe(true)
      expect(isValidUbn(ubn)).toBe(true)
    }
    expect(makeUbn('0459525')).toBe('04595257')
  })

  it('never produces 00000000', () => {
    expect(makeUbn('0000000')).toBe('00000005')
  })

  it('refuses anything but seven digits', () => {
    expect(() => makeUbn('123456')).toThrow(RangeError)
    expect(() => makeUbn('12345678')).toThrow(RangeError)
  })
})

describe('ubnSchema', () => {
  const messages = (value: unknown) => ubnSchema.safeParse(value).error?.issues.map((i) => i.message)
  it('trims, then reports the first problem only', () => {
    expect(ubnSchema.parse(' 04595257 ')).toBe('04595257')
    expect(messages('1234567')).toEqual(['ubnFormat'])
    expect(messages('00000000')).toEqual(['ubnAllZeros'])
    expect(messages('04595253')).toEqual(['invalidUbn'])
  })
})
