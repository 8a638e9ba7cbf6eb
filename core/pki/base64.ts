/**
 * Base64 (RFC 4648 §4) without the platform: atob is missing in old runtimes and turns bytes into
 * a binary string first. Whitespace is skipped; a final incomplete group keeps the whole bytes it
 * holds, so a cut-off PEM decodes to a cut-off certificate and is reported as TRUNCATED.
 */
const VALUES = new Int16Array(128).fill(-1)
for (let i = 0; i < 64; i++) VALUES['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.charCodeAt(i)] = i

// Whitespace may follow the padding; written so that no two parts compete for it (no backtracking blow-up).
const BASE64_TEXT = /^[A-Za-z0-9+/\s]*(?:=\s*){0,2}$/

export function looksLikeBase64(text: string): boolean {
  return BASE64_TEXT.test(text)
}

/** Decodes text that `looksLikeBase64`; returns null for anything else. */
export function decodeBase64(text: string): Uint8Array | null {
  if (!looksLikeBase64(text)) return null
  const out = new Uint8Array(Math.floor((text.length * 3) / 4) + 3)
  let length = 0
  let buffer = 0
  let bits = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 61) break // '=' ends the data
    const value = code < 128 ? VALUES[code] : -1
    if (value < 0) continue // whitespace: anything else was refused by the pattern
    buffer = ((buffer << 6) | value) & 0xffffff
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[length++] = (buffer >> bits) & 0xff
    }
  }
  return out.subarray(0, length)
}
