import { describe, expect, it } from 'vitest'
import { monthStart, monthsBetween, weekStart, weekStartsBetween } from './taipei-calendar'

describe('weeks', () => {
  it('start on Monday; a Sunday belongs to the week before it', () => {
    expect(weekStart('2026-11-16')).toBe('2026-11-16') // Monday
    expect(weekStart('2026-11-20')).toBe('2026-11-16') // Friday
    expect(weekStart('2026-11-22')).toBe('2026-11-16') // Sunday
    expect(weekStart('2026-11-23')).toBe('2026-11-23')
  })

  it('cross months and years', () => {
    expect(weekStart('2027-01-01')).toBe('2026-12-28')
    expect(weekStartsBetween('2026-12-24', '2027-01-05')).toEqual(['2026-12-21', '2026-12-28', '2027-01-04'])
  })

  it('list nothing for a reversed range and refuse a non-date', () => {
    expect(weekStartsBetween('2026-11-30', '2026-11-01')).toEqual([])
    expect(() => weekStart('2026-02-30')).toThrow(RangeError)
  })
})

describe('months', () => {
  it('move across year ends both ways', () => {
    expect(monthStart('2026-11-20')).toBe('2026-11-01')
    expect(monthStart('2026-11-20', -11)).toBe('2025-12-01')
    expect(monthStart('2026-11-20', 2)).toBe('2027-01-01')
    expect(monthStart('2026-01-31', -1)).toBe('2025-12-01')
  })

  it('list every month the range touches', () => {
    expect(monthsBetween('2025-12-15', '2026-02-01')).toEqual(['2025-12', '2026-01', '2026-02'])
    expect(monthsBetween('2026-03-01', '2026-02-28')).toEqual([])
  })
})
