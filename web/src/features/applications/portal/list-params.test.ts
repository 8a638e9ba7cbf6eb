import { describe, expect, it } from 'vitest'
import { listFiltersFrom, listQueryOf } from './list-params'

describe('the list filters in the address', () => {
  it('keeps valid values and drops the rest, including a UBN: the server takes that from the session', () => {
    expect(listFiltersFrom({ from: '2026-11-01', to: '2026-11-30', service: 'new', status: '20', ubn: '82656552' })).toEqual({ from: '2026-11-01', to: '2026-11-30', service: 'new', status: '20' })
    expect(listFiltersFrom({ from: '1/11/2026', service: 'delete', status: 'draft' })).toEqual({})
  })

  it('reads a reversed date range the way round it was meant', () => {
    expect(listFiltersFrom({ from: '2026-12-01', to: '2026-11-01' })).toEqual({ from: '2026-11-01', to: '2026-12-01' })
  })

  it('writes only the filters that are set', () => {
    expect(listQueryOf({ status: 'A0', from: undefined })).toEqual({ status: 'A0' })
    expect(listQueryOf({})).toEqual({})
  })
})
