import { describe, expect, it } from 'vitest'
import { instants, resolvePeriods } from './dashboard.periods'

describe('the periods the charts cover', () => {
  it('default to 12 whole weeks and 12 calendar months up to today', () => {
    expect(resolvePeriods({}, '2026-11-20')).toEqual({ weeks: { from: '2026-08-31', to: '2026-11-20' }, months: { from: '2025-12-01', to: '2026-11-20' } })
  })

  it('take a given period as it is, and count back from a given end', () => {
    const given = { from: '2026-03-05', to: '2026-04-02' }
    expect(resolvePeriods(given, '2026-11-20')).toEqual({ weeks: given, months: given })
    expect(resolvePeriods({ to: '2026-06-30' }, '2026-11-20').months).toEqual({ from: '2025-07-01', to: '2026-06-30' })
    expect(resolvePeriods({ from: '2026-10-01' }, '2026-11-20').weeks).toEqual({ from: '2026-10-01', to: '2026-11-20' })
  })

  it('turn Taipei dates into the UTC instants they span', () => {
    expect(instants({ from: '2026-11-01', to: '2026-11-30' })).toEqual({ from: '2026-10-31T16:00:00.000Z', before: '2026-11-30T16:00:00.000Z' })
  })
})
