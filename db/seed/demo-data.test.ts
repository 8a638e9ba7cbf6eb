import { describe, expect, it } from 'vitest'
import { isValidBrokerCode, isValidNationalId, isValidUbn, isValidLandline, parseBrokerCode } from '../../core/tw'
import { demoAppointments, demoBrokers, demoFirms } from './demo-data'

describe('the demo world is realistic', () => {
  it('every firm has a valid UBN, landline and a box number unique within its office', () => {
    for (const f of demoFirms) {
      expect(isValidUbn(f.ubn), f.ubn).toBe(true)
      expect(isValidLandline(f.phone), f.phone).toBe(true)
      expect(f.boxNo).toMatch(/^[0-9A-Z]{3}$/)
    }
    const boxes = demoFirms.map((f) => f.officeCode + f.boxNo)
    expect(new Set(boxes).size).toBe(boxes.length)
  })

  it('every broker has a valid national ID and a broker code of a real office', () => {
    for (const b of demoBrokers) {
      expect(isValidNationalId(b.nationalId), b.nationalId).toBe(true)
      expect(isValidBrokerCode(b.code), b.code).toBe(true)
      expect(parseBrokerCode(b.code)).not.toBeNull()
    }
  })

  it('appointments name known brokers and firms, with at most one active appointment per broker', () => {
    const active = new Map<string, number>()
    for (const a of demoAppointments) {
      expect(demoBrokers.some((b) => b.code === a.brokerCode)).toBe(true)
      expect(demoFirms.some((f) => f.ubn === a.firmUbn)).toBe(true)
      if (!a.toDate) active.set(a.brokerCode, (active.get(a.brokerCode) ?? 0) + 1)
    }
    for (const n of active.values()) expect(n).toBe(1)
  })
})
