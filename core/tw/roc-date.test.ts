import { describe, expect, it } from 'vitest'
import { isValidRocDate, parseRocDate, rocDateSchema, toRocDate } from './roc-date'

describe('toRocDate', () => {
  it('prints the fee slip form', () => {
    expect(toRocDate('2018-12-07')).toBe('107/12/07')
    expect(toRocDate('2018-12-07', '.')).toBe('107.12.07')
  })

  it('dates an instant by the Taipei calendar, not UTC', () => {
    expect(toRocDate(new Date('2018-12-06T15:59:59Z'))).toBe('107/12/06')
    expect(toRocDate(new Date('2018-12-06T16:00:00Z'))).toBe('107/12/07')
  })

  it('pads the year only in the compact form', () => {
    expect(toRocDate('2010-01-05')).toBe('99/01/05')
    expect(toRocDate('2010-01-05', '')).toBe('0990105')
    expect(toRocDate('2018-12-07', '')).toBe('1071207')
  })

  it('refuses dates before ROC year 1 and impossible dates', () => {
    expect(toRocDate('1912-01-01')).toBe('1/01/01')
    expect(() => toRocDate('1911-12-31')).toThrow(RangeError)
    expect(() => toRocDate('2018-02-30')).toThrow(RangeError)
  })
})

describe('parseRocDate', () => {
  it('reads separated and compact forms', () => {
    expect(parseRocDate('107/12/07')).toBe('2018-12-07')
    expect(parseRocDate('1071207')).toBe('2018-12-07')
    expect(parseRocDate('107-12-07')).toBe('2018-12-07')
    expect(parseRocDate('107.2.7')).toBe('2018-02-07')
    expect(parseRocDate(' １０７/１２/０７ ')).toBe('2018-12-07')
    expect(parseRocDate('99/01/05')).toBe('2010-01-05')
    expect(parseRocDate('0990105')).toBe('2010-01-05')
  })

  it('is strict about days that do not exist', () => {
    expect(parseRocDate('107/02/30')).toBeNull()
    expect(parseRocDate('107/02/29')).toBeNull() // 2018
    expect(parseRocDate('109/02/29')).toBe('2020-02-29')
    expect(parseRocDate('1890229')).toBeNull() // 2100 is not a leap year
    expect(parseRocDate('107/13/01')).toBeNull()
    expect(parseRocDate('107/00/10')).toBeNull()
    expect(parseRocDate('0/01/01')).toBeNull()
  })

  it('refuses mixed separators and ambiguous lengths', () => {
    expect(parseRocDate('107/12-07')).toBeNull()
    expect(parseRocDate('991207')).toBeNull()
    expect(parseRocDate('10712077')).toBeNull()
    expect(parseRocDate('2018-12-07')).toBeNull()
    expect(isValidRocDate('')).toBe(false)
  })

  it('round-trips every day of a leap year', () => {
    for (let day = 0; day < 366; day++) {
      const iso = new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10)
      expect(parseRocDate(toRocDate(iso))).toBe(iso)
      expect(parseRocDate(toRocDate(iso, ''))).toBe(iso)
    }
  })
})

describe('rocDateSchema', () => {
  it('outputs the Gregorian date or the invalidRocDate message', () => {
    expect(rocDateSchema.parse('107/12/07')).toBe('2018-12-07')
    expect(rocDateSchema.safeParse('107/02/30').error?.issues.map((i) => i.message)).toEqual(['invalidRocDate'])
  })
})
