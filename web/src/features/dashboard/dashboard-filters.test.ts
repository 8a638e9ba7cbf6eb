import { describe, expect, it } from 'vitest'
import { filtersFrom, queryFor } from './dashboard-filters'

describe('the dashboard filters in the address', () => {
  it('reads the office and the period', () => {
    expect(filtersFrom({ office: 'CA', from: '2026-01-01', to: '2026-03-31', page: '2' }, true)).toEqual({ office: 'CA', from: '2026-01-01', to: '2026-03-31' })
  })

  it('ignores the office for staff who cannot pick one', () => {
    expect(filtersFrom({ office: 'CA', from: '2026-01-01' }, false)).toEqual({ from: '2026-01-01' })
  })

  it('leaves out what the API would refuse, and keeps the rest', () => {
    expect(filtersFrom({ office: 'XX', from: '2026-02-30', to: '2026-03-31' }, true)).toEqual({ to: '2026-03-31' })
    expect(filtersFrom({ from: '2026-03-31', to: '2026-01-01' }, true)).toEqual({ from: '2026-03-31' })
    expect(filtersFrom({ from: ['2026-01-01', '2026-02-01'] }, true)).toEqual({})
  })

  it('writes only the filters that are set', () => {
    expect(queryFor({ office: 'AA', from: '', to: undefined })).toEqual({ office: 'AA' })
  })
})
