import { TAG, malformed, type Tlv } from './der'
import { PkiError } from './errors'

/** Decoders for the primitive values of X.690 that certificates use; a missing element is MALFORMED too. */

function missingOr(what: string, tlv: Tlv | undefined): PkiError {
  return tlv ? malformed(`expected ${what}`, tlv.start) : new PkiError('MALFORMED', `${what} is missing`)
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

export function toHex(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i]]
  return out
}

/** OBJECT IDENTIFIER (X.690 §8.19): base-128 arcs, the first two packed as 40·x + y. */
export function decodeOid(der: Uint8Array, tlv: Tlv | undefined): string {
  if (tlv?.tag !== TAG.OID) throw missingOr('an OBJECT IDENTIFIER', tlv)
  const { valueStart: start, end } = tlv
  if (start === end || der[end - 1] & 0x80) throw malformed('incomplete OBJECT IDENTIFIER', tlv.start)
  const arcs: string[] = []
  let value = 0
  let big: bigint | null = null
  for (let i = start; i < end; i++) {
    const byte = der[i]
    if (value === 0 && big === null && byte === 0x80) throw malformed('non-minimal OBJECT IDENTIFIER arc', i)
    if (big !== null) big = big * 128n + BigInt(byte & 0x7f)
    else if (value > 2 ** 45) big = BigInt(value) * 128n + BigInt(byte & 0x7f)
    else value = value * 128 + (byte & 0x7f)
    if (byte & 0x80) continue
    if (arcs.length === 0) {
      // Only the first arc can be 2 with a second arc of 40 or more (e.g. 2.999).
      const first = big !== null ? 2 : Math.min(2, Math.floor(value / 40))
      arcs.push(String(first), big !== null ? String(big - 80n) : String(value - first * 40))
    } else {
      arcs.push(big !== null ? big.toString() : String(value))
    }
    value = 0
    big = null
  }
  return arcs.join('.')
}

export function checkMinimalInteger(der: Uint8Array, tlv: Tlv | undefined): asserts tlv is Tlv {
  if (tlv?.tag !== TAG.INTEGER) throw missingOr('an INTEGER', tlv)
  const { valueStart: s, end } = tlv
  if (s === end) throw malformed('empty INTEGER', tlv.start)
  if (end - s > 1 && ((der[s] === 0 && !(der[s + 1] & 0x80)) || (der[s] === 0xff && der[s + 1] & 0x80))) {
    throw malformed('non-minimal INTEGER', tlv.start)
  }
}

/**
 * INTEGER as the hex of its magnitude, lower case, whole bytes, without the 00 that DER adds to
 * keep a positive number positive: `openssl x509 -serial` prints the same digits in upper case.
 * Negative values (not allowed for serials, but found in the wild) get a leading '-', as OpenSSL does.
 */
export function integerHex(der: Uint8Array, tlv: Tlv | undefined): string {
  checkMinimalInteger(der, tlv)
  const bytes = der.subarray(tlv.valueStart, tlv.end)
  if (bytes[0] & 0x80) {
    const value = BigInt('0x' + toHex(bytes)) - (1n << BigInt(bytes.length * 8))
    const magnitude = (-value).toString(16)
    return '-' + (magnitude.length % 2 ? '0' : '') + magnitude
  }
  const hex = toHex(bytes[0] === 0 && bytes.length > 1 ? bytes.subarray(1) : bytes)
  return hex
}

/** A small non-negative INTEGER (version, pathLen); larger ones are refused rather than rounded. */
export function smallInteger(der: Uint8Array, tlv: Tlv | undefined): number {
  checkMinimalInteger(der, tlv)
  if (der[tlv.valueStart] & 0x80) throw malformed('negative INTEGER', tlv.start)
  if (tlv.end - tlv.valueStart > 6) throw malformed('INTEGER too large', tlv.start)
  let value = 0
  for (let i = tlv.valueStart; i < tlv.end; i++) value = value * 256 + der[i]
  return value
}

/** BIT STRING (X.690 §8.6): the first content octet counts the unused bits of the last one. */
export function bitString(der: Uint8Array, tlv: Tlv | undefined): { bytes: Uint8Array; unusedBits: number } {
  if (tlv?.tag !== TAG.BIT_STRING || tlv.end === tlv.valueStart) throw missingOr('a BIT STRING', tlv)
  const unusedBits = der[tlv.valueStart]
  if (unusedBits > 7 || (unusedBits > 0 && tlv.end - tlv.valueStart === 1)) throw malformed('invalid BIT STRING', tlv.start)
  return { bytes: der.subarray(tlv.valueStart + 1, tlv.end), unusedBits }
}

export function decodeBoolean(der: Uint8Array, tlv: Tlv | undefined): boolean {
  if (tlv?.tag !== TAG.BOOLEAN || tlv.end - tlv.valueStart !== 1) throw missingOr('a BOOLEAN', tlv)
  const byte = der[tlv.valueStart]
  if (byte !== 0 && byte !== 0xff) throw malformed('BOOLEAN not in DER form', tlv.start)
  return byte === 0xff
}

const UTC_TIME = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/
const GENERALIZED_TIME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/

/**
 * Time ::= CHOICE { utcTime UTCTime, generalTime GeneralizedTime } as an ISO 8601 string.
 * RFC 5280 §4.1.2.5 fixes the forms: YYMMDDHHMMSSZ (YY ≥ 50 is 19YY) and YYYYMMDDHHMMSSZ,
 * seconds present, no fractions, always Zulu; anything else is refused, as strict verifiers do.
 */
export function decodeTime(der: Uint8Array, tlv: Tlv | undefined): string {
  if (!tlv) throw missingOr('a time', tlv)
  let text = ''
  for (let i = tlv.valueStart; i < tlv.end; i++) text += String.fromCharCode(der[i])
  const match = tlv.tag === TAG.UTC_TIME ? UTC_TIME.exec(text) : tlv.tag === TAG.GENERALIZED_TIME ? GENERALIZED_TIME.exec(text) : null
  if (!match) throw malformed('invalid time', tlv.start)
  const [, y, mo, d, h, mi, s] = match.map(Number)
  const year = tlv.tag === TAG.UTC_TIME ? (y >= 50 ? 1900 + y : 2000 + y) : y
  const date = new Date(Date.UTC(year, mo - 1, d, h, mi, s))
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) throw malformed('invalid date', tlv.start)
  if (year < 100) date.setUTCFullYear(year)
  return date.toISOString()
}
