import { describe, expect, it } from 'vitest'
import { brokerCodeSchema, formatBrokerCode, isValidBrokerCode, parseBrokerCode } from './broker-code'

describe('broker code', () => {
  it('maps each office letter to its office code', () => {
    expect(parseBrokerCode('A00001')).toEqual({ letter: 'A', officeCode: 'AA', number: 1 })
    expect(parseBrokerCode('C12345')?.officeCode).toBe('CA')
    expect(parseBrokerCode('D00010')?.officeCode).toBe('DA')
    expect(parseBrokerCode('B99999')).toEqual({ letter: 'B', officeCode: 'BA', number: 99999 })
  })

  it('rejects other letters, lengths and the non-canonical form', () => {
    for (const bad of ['E00001', 'I00001', 'A0001', 'A000001', 'AA0001', 'a00001', ' A00001', '00001A', '']) {
      expect(isValidBrokerCode(bad), bad).toBe(false)
    }
  })

  it('formats back with zero padding', () => {
    expect(formatBrokerCode({ letter: 'A', number: 1 })).toBe('A00001')
    expect(() => formatBrokerCode({ letter: 'A', number: 100000 })).toThrow(RangeError)
  })

  it('schema normalises case and width', () => {
    expect(brokerCodeSchema.parse(' ａ00001 ')).toBe('A00001')
    expect(brokerCodeSchema.safeParse('E00001').error?.issues.map((i) => i.message)).toEqual(['invalidBrokerCode'])
  })
})
