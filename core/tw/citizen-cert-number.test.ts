import { describe, expect, it } from 'vitest'
import { citizenCertNumberSchema, isValidCitizenCertNumber } from './citizen-cert-number'

describe('citizen certificate card number', () => {
  it('is two upper-case letters and 14 digits', () => {
    expect(isValidCitizenCertNumber('RP47809425348791')).toBe(true)
    for (const bad of ['RP4780942534879', 'RP478094253487911', 'R147809425348791', 'rp47809425348791', 'RP4780942534879X']) {
      expect(isValidCitizenCertNumber(bad), bad).toBe(false)
    }
  })

  it('schema accepts lower case and full width by normalising', () => {
    expect(citizenCertNumberSchema.parse(' rp４７809425348791 ')).toBe('RP47809425348791')
  })
})
