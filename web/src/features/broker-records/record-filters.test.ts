import { describe, expect, it } from 'vitest'
import { filtersFrom, rocDate, withFilter } from './record-filters'

describe('record list filters', () => {
  it('reads only the named, non-empty filters from the address', () => {
    expect(filtersFrom({ q: ' 報關 ', officeCode: '', sort: ['a', 'b'], other: 'x' }, ['q', 'officeCode', 'sort'] as const)).toEqual({ q: '報關' })
  })

  it('sets and clears one filter without touching the others', () => {
    const filters = { q: '77', officeCode: 'AA' }
    expect(withFilter(filters, 'officeCode', 'CA')).toEqual({ q: '77', officeCode: 'CA' })
    expect(withFilter(filters, 'q', '  ')).toEqual({ officeCode: 'AA' })
    expect(withFilter(filters, 'q', null)).toEqual({ officeCode: 'AA' })
    expect(filters).toEqual({ q: '77', officeCode: 'AA' })
  })
})

describe('rocDate', () => {
  it('gives the ROC calendar date of a YYYY-MM-DD date, and nothing for none or a bad one', () => {
    expect(rocDate('2008-03-14')).toBe('97/03/14')
    expect(rocDate('2026-11-20')).toBe('115/11/20')
    expect(rocDate(null)).toBe('')
    expect(rocDate('1900-01-01')).toBe('')
    expect(rocDate('2019-02-29')).toBe('')
  })
})
