import { describe, expect, it } from 'vitest'
import { certificateParamsFrom, certificateQuery, sortFromTable } from './list-params'

describe('certificate list params', () => {
  it('reads the address, dropping what is not valid, and the office filter for office staff', () => {
    expect(certificateParamsFrom({ q: ' 52111891 ', status: 'suspended', expiresWithinDays: '45', officeCode: 'AA', sort: 'nope' }, { allOffices: false })).toEqual({ q: '52111891', status: 'suspended', sort: 'notAfter', order: 'asc' })
    expect(certificateParamsFrom({ officeCode: 'BA', expiresWithinDays: '30', expiresFrom: '2026-13', order: 'desc' }, { allOffices: true })).toEqual({ officeCode: 'BA', expiresWithinDays: '30', sort: 'notAfter', order: 'desc' })
  })

  it('writes a plain address for the default order and maps the table sort', () => {
    expect(certificateQuery({ q: 'A00001', sort: 'notAfter', order: 'asc' })).toEqual({ q: 'A00001' })
    expect(certificateQuery({ sort: 'serial', order: 'asc' })).toEqual({ sort: 'serial', order: 'asc' })
    expect(sortFromTable('serialHex', 'descending')).toEqual({ sort: 'serial', order: 'desc' })
    expect(sortFromTable('notAfter', null)).toEqual({ sort: 'notAfter', order: 'asc' })
  })
})
