import { describe, expect, it } from 'vitest'
import { readTlv } from '../der'
import { decodeOid, decodeTime, integerHex } from '../der-values'
import { toHexString } from './base64-encode'
import { bitString, integer, oid, set, time, utf8String } from './der-encode'
import { ecdsaDerToRaw, ecdsaRawToDer } from './signature'

const hex = (bytes: Uint8Array) => toHexString(bytes)
const tlvOf = (der: Uint8Array) => readTlv(der, 0, der.length)

describe('DER encoder', () => {
  it('writes minimal INTEGERs, adding 00 only before a set top bit', () => {
    expect(hex(integer(0))).toBe('020100')
    expect(hex(integer(127))).toBe('02017f')
    expect(hex(integer(128))).toBe('02020080')
    expect(hex(integer(Uint8Array.of(0, 0, 0x12)))).toBe('020112')
    expect(hex(integer(Uint8Array.of(0xff, 0x01)))).toBe('020300ff01')
    const big = integer(Uint8Array.from({ length: 20 }, () => 0xab))
    expect(integerHex(big, tlvOf(big))).toBe('ab'.repeat(20))
  })

  it('writes OIDs our reader reads back, large arcs included', () => {
    for (const dotted of ['2.5.4.3', '1.2.840.113549.1.12.10.1.2', '2.16.886.1.100.2.51', '2.999.1', '1.3.6.1.4.1.311.60.2.1.3']) {
      const der = oid(dotted)
      expect(decodeOid(der, tlvOf(der))).toBe(dotted)
    }
  })

  it('uses UTCTime through 2049 and GeneralizedTime from 2050, in whole seconds', () => {
    const utc = time(new Date('2049-12-31T23:59:59.999Z'))
    expect(utc[0]).toBe(0x17)
    expect(decodeTime(utc, tlvOf(utc))).toBe('2049-12-31T23:59:59.000Z')
    const generalized = time(new Date('2050-01-01T00:00:00Z'))
    expect(generalized[0]).toBe(0x18)
    expect(decodeTime(generalized, tlvOf(generalized))).toBe('2050-01-01T00:00:00.000Z')
  })

  it('sorts SET OF by encoding and uses long lengths past 127 bytes', () => {
    expect(hex(set(utf8String('b'), utf8String('a')))).toBe('31060c01610c0162')
    expect(hex(bitString(new Uint8Array(200)).subarray(0, 4))).toBe('0381c900')
  })

  it('converts ECDSA signatures between r‖s and Ecdsa-Sig-Value, with sign bytes and short values', () => {
    const raw = Uint8Array.from({ length: 64 }, (_, i) => (i === 0 ? 0x80 : i === 32 ? 0 : i === 33 ? 0x05 : i))
    const der = ecdsaRawToDer(raw)
    expect(hex(der.subarray(0, 5))).toBe('3044022100')
    expect(ecdsaDerToRaw(der, 32)).toEqual(raw)
    expect(ecdsaDerToRaw(der.subarray(0, der.length - 1), 32)).toBeNull()
  })
})
