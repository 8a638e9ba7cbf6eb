/**
 * A tiny DER encoder (X.690 §10): definite lengths, minimal INTEGERs, primitive strings. Built by
 * hand rather than with asn1js so what we sign is exactly the bytes we wrote: no re-encoding, no
 * multi-valued RDNs folded behind our back (STACK.md trap 4), plain Uint8Array in and out.
 */
export type Der = Uint8Array

const utf8 = new TextEncoder()

function lengthBytes(length: number): number[] {
  if (length < 0x80) return [length]
  const bytes: number[] = []
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest & 0xff)
  return [0x80 | bytes.length, ...bytes]
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  let total = 0
  for (const part of parts) total += part.length
  const out = new Uint8Array(total)
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}

export function tlv(tag: number, value: Uint8Array): Der {
  return concat([Uint8Array.of(tag, ...lengthBytes(value.length)), value])
}

export const sequence = (...items: Der[]): Der => tlv(0x30, concat(items))
/** DER sorts a SET OF by its encodings (X.690 §11.6); we do too, so any set we write is canonical. */
export function set(...items: Der[]): Der {
  const sorted = [...items].sort((a, b) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i]
    return a.length - b.length
  })
  return tlv(0x31, concat(sorted))
}
/** [n] EXPLICIT: a constructed context tag around one complete element */
export const explicit = (n: number, inner: Der): Der => tlv(0xa0 | n, inner)
/** [n] IMPLICIT over a constructed type (SET OF, SEQUENCE): keeps the constructed bit */
export const implicitConstructed = (n: number, content: Uint8Array): Der => tlv(0xa0 | n, content)
/** [n] IMPLICIT over a primitive type (OCTET STRING, IA5String) */
export const implicitPrimitive = (n: number, content: Uint8Array): Der => tlv(0x80 | n, content)

export const octetString = (bytes: Uint8Array): Der => tlv(0x04, bytes)
export const nullValue = (): Der => Uint8Array.of(0x05, 0x00)
export const boolean = (value: boolean): Der => Uint8Array.of(0x01, 0x01, value ? 0xff : 0x00)
export const utf8String = (text: string): Der => tlv(0x0c, utf8.encode(text))
export const printableString = (text: string): Der => tlv(0x13, utf8.encode(text))
export const ia5String = (text: string): Der => tlv(0x16, utf8.encode(text))
/** BMPString: UTF-16 big-endian code units (PKCS #12 friendlyName, old Taiwanese certificates) */
export function bmpString(text: string): Der {
  const out = new Uint8Array(text.length * 2)
  for (let i = 0; i < text.length; i++) {
    out[2 * i] = text.charCodeAt(i) >> 8
    out[2 * i + 1] = text.charCodeAt(i) & 0xff
  }
  return tlv(0x1e, out)
}

/** BIT STRING with a leading count of unused bits in the last octet */
export const bitString = (bytes: Uint8Array, unusedBits = 0): Der => tlv(0x03, concat([Uint8Array.of(unusedBits), bytes]))

/** INTEGER from a non-negative number or from unsigned big-endian bytes; leading zeros trimmed, 00 added when the top bit is set. */
export function integer(value: number | Uint8Array): Der {
  let bytes: Uint8Array
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`integer ${value}`)
    const list: number[] = []
    for (let rest = value; rest > 0; rest = Math.floor(rest / 256)) list.unshift(rest & 0xff)
    bytes = Uint8Array.from(list.length ? list : [0])
  } else {
    let start = 0
    while (start < value.length - 1 && value[start] === 0) start++
    bytes = value.length ? value.subarray(start) : Uint8Array.of(0)
  }
  return tlv(0x02, bytes[0] & 0x80 ? concat([Uint8Array.of(0), bytes]) : bytes)
}

/** OBJECT IDENTIFIER: base-128 arcs, the first two packed as 40·x + y (X.690 §8.19) */
export function oid(dotted: string): Der {
  const arcs = dotted.split('.').map((arc) => BigInt(arc))
  if (arcs.length < 2) throw new RangeError(`OID ${dotted}`)
  const bytes: number[] = []
  for (const arc of [arcs[0] * 40n + arcs[1], ...arcs.slice(2)]) {
    const chunk = [Number(arc & 0x7fn)]
    for (let rest = arc >> 7n; rest > 0n; rest >>= 7n) chunk.unshift(Number(rest & 0x7fn) | 0x80)
    bytes.push(...chunk)
  }
  return tlv(0x06, Uint8Array.from(bytes))
}

/** AlgorithmIdentifier ::= SEQUENCE { algorithm OBJECT IDENTIFIER, parameters ANY OPTIONAL } */
export const algorithm = (id: string, parameters?: Der): Der => (parameters ? sequence(oid(id), parameters) : sequence(oid(id)))

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/**
 * Time ::= CHOICE { utcTime UTCTime, generalTime GeneralizedTime }: RFC 5280 §4.1.2.5 wants UTCTime
 * through 2049 and GeneralizedTime from 2050, both in whole seconds and Zulu.
 */
export function time(date: Date): Der {
  const y = date.getUTCFullYear()
  const rest = `${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`
  if (y >= 1950 && y < 2050) return tlv(0x17, utf8.encode(pad(y % 100) + rest))
  return tlv(0x18, utf8.encode(pad(y, 4) + rest))
}

