import type { Tlv } from './der'

/**
 * The character string types of X.680 as certificates use them:
 *   DirectoryString ::= CHOICE { teletexString, printableString, universalString, utf8String, bmpString }
 * plus IA5String, NumericString and VisibleString. Taiwan's CAs write Chinese names as UTF8String
 * and, in older certificates, as BMPString (UTF-16 big-endian, never little-endian).
 * TeletexString (T.61) is read as Latin-1, as OpenSSL and browsers do, since real T.61 is never used.
 */
const STRING_TAGS = {
  0x0c: 'utf8',
  0x12: 'numeric',
  0x13: 'printable',
  0x14: 'teletex',
  0x15: 'videotex',
  0x16: 'ia5',
  0x19: 'graphic',
  0x1a: 'visible',
  0x1b: 'general',
  0x1c: 'universal',
  0x1e: 'bmp',
} as const

const utf8 = new TextDecoder('utf-8')

function latin1(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i++) out += String.fromCharCode(bytes[i])
  return out
}

function utf16be(bytes: Uint8Array): string {
  let out = ''
  // An odd trailing byte cannot be a character; it is dropped rather than guessed.
  for (let i = 0; i + 1 < bytes.length; i += 2) out += String.fromCharCode((bytes[i] << 8) | bytes[i + 1])
  return out
}

function utf32be(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i + 3 < bytes.length; i += 4) {
    const code = ((bytes[i] << 24) | (bytes[i + 1] << 16) | (bytes[i + 2] << 8) | bytes[i + 3]) >>> 0
    out += code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd'
  }
  return out
}

export function isStringTag(tag: number): boolean {
  return tag in STRING_TAGS
}

/** The text of a string value, or undefined when the element is not a character string. */
export function decodeString(der: Uint8Array, tlv: Tlv): string | undefined {
  const kind = STRING_TAGS[tlv.tag as keyof typeof STRING_TAGS]
  if (!kind) return undefined
  const bytes = der.subarray(tlv.valueStart, tlv.end)
  if (kind === 'utf8') return utf8.decode(bytes)
  if (kind === 'bmp') return utf16be(bytes)
  if (kind === 'universal') return utf32be(bytes)
  return latin1(bytes)
}
