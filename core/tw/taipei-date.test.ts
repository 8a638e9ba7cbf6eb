import { afterEach, describe, expect, it, vi } from 'vitest'
import { addDaysTaipei, isCalendarDate, isIsoDate, taipeiDate, taipeiDayStart } from './taipei-date'

// unstubbed, not reassigned: assigning undefined would leave the string 'undefined' to the next test file
afterEach(() => {
  vi.unstubAllEnvs()
})

describe('taipeiDate', () => {
  it('switches day at midnight Taipei (16:00 UTC), not at midnight UTC', () => {
    expect(taipeiDate(new Date('2018-12-06T15:59:59.999Z'))).toBe('2018-12-06')
    expect(taipeiDate(new Date('2018-12-06T16:00:00Z'))).toBe('2018-12-07')
    expect(taipeiDate(new Date('2018-12-07T00:30:00Z'))).toBe('2018-12-07')
  })

  it('gives the same answer whatever zone the machine runs in', () => {
    const instant = new Date('2020-02-28T17:00:00Z') // 01:00 on the 29th in Taipei
    for (const tz of ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Taipei']) {
      vi.stubEnv('TZ', tz)
      expect(taipeiDate(instant), tz).toBe('2020-02-29')
    }
  })

  it('rejects an invalid Date', () => {
    expect(() => taipeiDate(new Date('nope'))).toThrow(RangeError)
  })
})

describe('addDaysTaipei', () => {
  it('counts calendar days from the Taipei date of an instant', () => {
    // Issued 00:30 Taipei on 12/07 (still 12/06 in UTC): due 14 days after 12/07.
    expect(addDaysTaipei(new Date('2018-12-06T16:30:00Z'), 14)).toBe('2018-12-21')
    expect(addDaysTaipei('2018-12-07', 14)).toBe('2018-12-21')
  })

  it('crosses month, year and leap days', () => {
    expect(addDaysTaipei('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDaysTaipei('2023-02-28', 1)).toBe('2023-03-01')
    expect(addDaysTaipei('2018-12-25', 14)).toBe('2019-01-08')
    expect(addDaysTaipei('2019-01-08', -14)).toBe('2018-12-25')
  })

  it('refuses fractional days and impossible dates', () => {
    expect(() => addDaysTaipei('2018-12-07', 1.5)).toThrow(RangeError)
    expect(() => addDaysTaipei('2018-02-30', 1)).toThrow(RangeError)
  })
})

describe('calendar checks', () => {
  it('knows leap years, including the century rules', () => {
    expect(isCalendarDate(2024, 2, 29)).toBe(true)
    expect(isCalendarDate(2023, 2, 29)).toBe(false)
    expect(isCalendarDate(1900, 2, 29)).toBe(false)
    expect(isCalendarDate(2000, 2, 29)).toBe(true)
    expect(isCalendarDate(2018, 4, 31)).toBe(false)
    expect(isCalendarDate(2018, 13, 1)).toBe(false)
  })

  it('accepts only real YYYY-MM-DD dates', () => {
    expect(isIsoDate('2018-12-07')).toBe(true)
    expect(isIsoDate('2018-2-07')).toBe(false)
    expect(isIsoDate('2019-02-29')).toBe(false)
    expect(isIsoDate('2018-12-07T00:00')).toBe(false)
  })

  it('gives the instant a Taipei day starts', () => {
    expect(taipeiDayStart('2018-12-07').toISOString()).toBe('2018-12-06T16:00:00.000Z')
  })
})
