import { PkiError } from './errors'

/**
 * A small strict DER reader (X.690 §8, §10): just enough to walk a certificate once, with offsets
 * into the caller's bytes and no copies. pkijs/asn1js parse about 12× slower than node:crypto
 * (STACK.md trap 5) and report bad input as offset -1 or plain Errors; this reader throws
 * PkiError instead and never loops on its own input: every step moves forward and stays inside
 * its parent. Indefinite lengths (BER only) and multi-byte tags (unused by X.509) are refused.
 */
export interface Tlv {
  /** the identifier octet: class, constructed bit and tag number together, e.g. 0x30, 0xa3 */
  tag: number
  start: number
  valueStart: number
  end: number
}

export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8_STRING: 0x0c,
  SEQUENCE: 0x30,
  SET: 0x31,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
} as const

export function malformed(what: string, offset: number): PkiError {
  return new PkiError('MALFORMED', `${what} at byte ${offset}`)
}

/**
 * Reads the header at `offset`. Throws MALFORMED when the element does not fit before `limit`;
 * the caller that can tell a cut-off file from a broken one (read.ts) checks the outer frame first.
 */
export function readTlv(der: Uint8Array, offset: number, limit: number): Tlv {
  if (offset + 2 > limit) throw malformed('element header runs past its container', offset)
  const tag = der[offset]
  if ((tag & 0x1f) === 0x1f) throw malformed('multi-byte tag', offset)
  let length = der[offset + 1]
  let valueStart = offset + 2
  if (length & 0x80) {
    const count = length & 0x7f
    if (count === 0) throw malformed('indefinite length', offset)
    if (count > 4) throw malformed('length too long', offset)
    if (valueStart + count > limit) throw malformed('length runs past its container', offset)
    length = 0
    for (let i = 0; i < count; i++) length = length * 256 + der[valueStart + i]
    valueStart += count
  }
  const end = valueStart + length
  if (end > limit) throw malformed('element runs past its container', offset)
  return { tag, start: offset, valueStart, end }
}

/** Reads a value that must fill `[start, end)` exactly: an extension value, a BIT STRING's key. */
export function readWhole(der: Uint8Array, start: number, end: number, what: string): Tlv {
  const tlv = readTlv(der, start, end)
  if (tlv.end !== end) throw malformed(`trailing bytes after ${what}`, tlv.end)
  return tlv
}

export function children(der: Uint8Array, parent: Tlv): Tlv[] {
  if (!(parent.tag & 0x20)) throw malformed('primitive element where a constructed one belongs', parent.start)
  const list: Tlv[] = []
  for (let offset = parent.valueStart; offset < parent.end; ) {
    const child = readTlv(der, offset, parent.end)
    list.push(child)
    offset = child.end
  }
  return list
}

export function expectTag(tlv: Tlv | undefined, tag: number, what: string): Tlv {
  if (!tlv) throw new PkiError('MALFORMED', `${what} is missing`)
  if (tlv.tag !== tag) throw malformed(`${what}: unexpected tag 0x${tlv.tag.toString(16)}`, tlv.start)
  return tlv
}

/** The children of an element that must have this tag (SEQUENCE by default). */
export function childrenOf(der: Uint8Array, tlv: Tlv | undefined, what: string, tag: number = TAG.SEQUENCE): Tlv[] {
  return children(der, expectTag(tlv, tag, what))
}

export function valueOf(der: Uint8Array, tlv: Tlv): Uint8Array {
  return der.subarray(tlv.valueStart, tlv.end)
}
