import { pkiError } from '../x509-builder/pki-errors'

/**
 * Passwords in PKCS #12 come in two encodings. The PKCS #12 KDF (legacy ciphers and the classic
 * MAC) takes a BMPString, UTF-16 big-endian with a two-byte zero terminator (RFC 7292 B.1); PBKDF2
 * in PBES2 and PBMAC1 takes the UTF-8 bytes, as OpenSSL, Java and Go write them. An empty password
 * is ambiguous in old files: OpenSSL writes 00 00, Windows' "no password" is zero bytes, so both
 * are tried when the user gives none.
 */

/** The product's rule for a .pfx password (seed 002: 4–20 英數字). */
export const PFX_PASSWORD = /^[A-Za-z0-9]{4,20}$/

export function validatePfxPassword(password: string): void {
  if (!PFX_PASSWORD.test(password)) throw pkiError('PFX_PASSWORD_RULE', `length ${password.length}`)
}

export function bmpPassword(password: string): Uint8Array {
  const out = new Uint8Array(password.length * 2 + 2)
  for (let i = 0; i < password.length; i++) {
    out[2 * i] = password.charCodeAt(i) >> 8
    out[2 * i + 1] = password.charCodeAt(i) & 0xff
  }
  return out
}

/** The BMP forms to try, most likely first. */
export function bmpCandidates(password: string): Uint8Array[] {
  return password === '' ? [bmpPassword(''), new Uint8Array(0)] : [bmpPassword(password)]
}

export function utf8Password(password: string): Uint8Array {
  return new TextEncoder().encode(password)
}
