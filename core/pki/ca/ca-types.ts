/**
 * The embedded CA: it stands in for TWCA (customs certificates) and for the government card CAs
 * (MOICA, MOEACA) in demos and tests. Everything here is a pure function of its inputs: the CA's
 * key and certificate, a serial source and a clock. The server stores state (issued serials, the
 * revocation list, the last CRL number) and passes it in.
 */
export interface IssuingCa {
  /** a slug: lower-case letters, digits and '-'; names the CRL file */
  name: string
  certificate: Uint8Array
  privateKey: CryptoKey
  /** where this CA's CRL is published; written into every certificate it issues */
  crlUrl: string
}

/** Returns unsigned big-endian serial bytes; the default is randomSerial (serial.ts). */
export type SerialSource = () => Uint8Array

export type Clock = () => Date

/**
 * When a certificate is valid. notBefore defaults to the clock; notAfter to notBefore + days.
 * Issued certificates never outlive their issuer: notAfter is cut to the issuer's notAfter.
 */
export interface Validity {
  notBefore?: Date
  notAfter?: Date
  days?: number
}

export const DEFAULT_CRL_BASE_URL = 'http://localhost:3000'
