import { describe, expect, it } from 'vitest'
import { formatDateTime, formatRocDate, isFuture } from './format'

describe('Taipei time formatting', () => {
  it('shows UTC instants in Asia/Taipei (UTC+8)', () => {
    expect(formatDateTime('2026-11-22T06:05:00Z')).toBe('2026-11-22 14:05')
    expect(formatDateTime('2026-11-22T06:05:00+08:00')).toBe('2026-11-22 06:05')
  })

  it('crosses midnight and year ends into the Taipei date', () => {
    expect(formatDateTime('2025-12-31T16:30:00Z')).toBe('2026-01-01 00:30')
    expect(formatRocDate('2025-12-31T16:30:00Z')).toBe('115/01/01')
    expect(formatRocDate('2025-12-31T15:59:59Z')).toBe('114/12/31')
  })

  it('writes ROC dates as the seeds do: year − 1911, zero-padded month and day', () => {
    expect(formatRocDate('2018-12-07T02:00:00Z')).toBe('107/12/07')
    expect(formatRocDate('2026-11-22T00:00:00Z')).toBe('115/11/22')
    expect(formatRocDate('2010-03-04T00:00:00Z')).toBe('99/03/04')
  })

  it('is empty for missing values and leaves garbage visible', () => {
    expect(formatDateTime(null)).toBe('')
    expect(formatRocDate(undefined)).toBe('')
    expect(formatDateTime('not a date')).toBe('not a date')
  })

  it('tells whether a lock is still in force', () => {
    const now = Date.parse('2026-01-01T00:00:00Z')
    expect(isFuture('2026-01-01T00:10:00Z', now)).toBe(true)
    expect(isFuture('2025-12-31T23:59:00Z', now)).toBe(false)
    expect(isFuture(null, now)).toBe(false)
  })
})
