import { TAG, malformed, type Tlv } from '../der'
import { bitString, toHex } from '../der-values'
import { PkiError } from '../errors'

/** DER rules the shared reader leaves to its callers, and small helpers the validator shares. */

/** BIT STRING under DER (X.690 §11.2): the unused bits of the last octet must be zero. */
export function derBitString(der: Uint8Array, tlv: Tlv | undefined): Uint8Array {
  const { bytes, unusedBits } = bitString(der, tlv)
  if (unusedBits && bytes[bytes.length - 1] & ((1 << unusedBits) - 1)) throw malformed('BIT STRING with set unused bits', tlv!.start)
  return bytes
}

/**
 * A NamedBitList BIT STRING (KeyUsage, ReasonFlags) as the numbers of its set bits. DER also removes
 * trailing zero bits (X.690 §11.2.2); encoders that keep them are common enough in old certificates
 * that this is reported (`notDer`) for the strict profile rather than refused.
 */
export function namedBits(der: Uint8Array, tlv: Tlv | undefined): { bits: Set<number>; notDer: boolean } {
  const { bytes, unusedBits } = bitString(der, tlv)
  const bits = new Set<number>()
  for (let i = 0; i < bytes.length * 8 - unusedBits; i++) if (bytes[i >> 3] & (0x80 >> (i & 7))) bits.add(i)
  const last = bytes[bytes.length - 1]
  const notDer = bytes.length > 0 && ((last & ((1 << unusedBits) - 1)) !== 0 || (last & (1 << unusedBits)) === 0)
  return { bits, notDer }
}

/** ENUMERATED (X.690 §8.4) as a small non-negative number, e.g. CRLReason. */
export function decodeEnumerated(der: Uint8Array, tlv: Tlv | undefined): number {
  if (tlv?.tag !== 0x0a || tlv.end === tlv.valueStart || tlv.end - tlv.valueStart > 2) throw new PkiError('MALFORMED', 'expected a small ENUMERATED')
  let value = 0
  for (let i = tlv.valueStart; i < tlv.end; i++) value = value * 256 + der[i]
  if (der[tlv.valueStart] & 0x80) throw malformed('negative ENUMERATED', tlv.start)
  return value
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** The bytes of a whole element (header included), e.g. to compare two AlgorithmIdentifiers. */
export function tlvBytes(der: Uint8Array, tlv: Tlv): Uint8Array {
  return der.subarray(tlv.start, tlv.end)
}

/** A short stable key for a byte string, for Maps and Sets. */
export function bytesKey(bytes: Uint8Array): string {
  return toHex(bytes)
}

export function isNull(der: Uint8Array, tlv: Tlv | undefined): boolean {
  return tlv?.tag === TAG.NULL && tlv.end === tlv.valueStart
}

/** 'YYYY…' times are decoded by the shared reader into ISO strings; paths compare milliseconds. */
export function toMillis(iso: string): number {
  return Date.parse(iso)
}
