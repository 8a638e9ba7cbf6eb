import { describe, expect, it } from 'vitest'
import { readTlv } from './der'
import { decodeOid, decodeTime, integerHex } from './der-values'
import { PkiError } from './errors'

const tlv = (bytes: number[]) => {
  const der = new Uint8Array(bytes)
  return [der, readTlv(der, 0, der.length)] as const
}

describe('DER values', () => {
  it('decodes OIDs, including arcs beyond 2^53 and a first arc of 2 with a large second arc', () => {
    expect(decodeOid(...tlv([0x06, 0x07, 0x60, 0x86, 0x76, 0x01, 0x64, 0x02, 0x01]))).toBe('2.16.886.1.100.2.1')
    expect(decodeOid(...tlv([0x06, 0x03, 0x88, 0x37, 0x01]))).toBe('2.999.1')
    const big = [0x06, 0x0b, 0x69, 0x81, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]
    expect(decodeOid(...tlv(big))).toBe('2.25.' + (2n ** 64n - 1n).toString())
    expect(() => decodeOid(...tlv([0x06, 0x02, 0x2a, 0x80]))).toThrow(PkiError)
    expect(() => decodeOid(...tlv([0x06, 0x02, 0x80, 0x01]))).toThrow(PkiError)
  })

  it('writes serials as OpenSSL does: no sign byte, whole bytes, a minus for negatives', () => {
    expect(integerHex(...tlv([0x02, 0x03, 0x00, 0xbc, 0x71]))).toBe('bc71')
    expect(integerHex(...tlv([0x02, 0x02, 0x0c, 0xbe]))).toBe('0cbe')
    expect(integerHex(...tlv([0x02, 0x01, 0x00]))).toBe('00')
    expect(integerHex(...tlv([0x02, 0x01, 0xff]))).toBe('-01')
    expect(integerHex(...tlv([0x02, 0x02, 0xff, 0x01]))).toBe('-ff')
    expect(() => integerHex(...tlv([0x02, 0x02, 0x00, 0x01]))).toThrow(PkiError)
  })

  it('reads UTCTime with the 1950–2049 window and GeneralizedTime, and nothing looser', () => {
    const time = (tag: number, text: string) => tlv([tag, text.length, ...Array.from(text, (c) => c.charCodeAt(0))])
    expect(decodeTime(...time(0x17, '491231235959Z'))).toBe('2049-12-31T23:59:59.000Z')
    expect(decodeTime(...time(0x17, '500101000000Z'))).toBe('1950-01-01T00:00:00.000Z')
    expect(decodeTime(...time(0x18, '99991231235959Z'))).toBe('9999-12-31T23:59:59.000Z')
    for (const bad of ['0001010000Z', '500101000000+0800', '500230000000Z', '501301000000Z']) {
      expect(() => decodeTime(...time(0x17, bad)), bad).toThrow(PkiError)
    }
    expect(() => decodeTime(...time(0x18, '20240101000000.5Z'))).toThrow(PkiError)
  })
})
