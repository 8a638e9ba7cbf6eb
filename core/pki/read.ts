import { decodeBase64, looksLikeBase64 } from './base64'
import { PkiError } from './errors'
import { MAX_CERTIFICATE_BYTES, frameCertificate, outerEnd } from './frame'

/**
 * What people upload as "a certificate": DER (.cer from Windows), PEM with or without the text
 * OpenSSL puts around it, a bundle of several PEM blocks, or the bare base64 copied out of a PEM
 * or an e-mail. Everything else is refused with a PkiError whose code says why.
 */
export type CertificateDer = Uint8Array & { readonly __certificateDer: true }

/** Several certificates are fine (a chain file); an upload of megabytes is not a certificate. */
export const MAX_INPUT_BYTES = 4 * 1024 * 1024

const CERTIFICATE_LABELS = new Set(['CERTIFICATE', 'X509 CERTIFICATE', 'TRUSTED CERTIFICATE'])
const BEGIN = /-----BEGIN ([A-Z0-9 ]+)-----/g

function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes)
  return new TextDecoder('utf-8').decode(bytes) // drops a UTF-8 BOM; invalid bytes become U+FFFD
}

function fromBase64(text: string, what: string): Uint8Array {
  // Checked before decoding so a huge paste costs nothing; 4/3 per byte plus a little whitespace.
  if (text.length > MAX_CERTIFICATE_BYTES * 1.4 + 1024) throw new PkiError('TOO_LARGE', what)
  const der = decodeBase64(text)
  if (!der) throw new PkiError('MALFORMED', `${what} is not base64`)
  if (der.length === 0) throw new PkiError('TRUNCATED', `${what} is empty`)
  return der
}

function certificateFrom(der: Uint8Array, trusted = false): CertificateDer {
  // OpenSSL's TRUSTED CERTIFICATE appends its trust settings after the certificate.
  const exact = trusted ? der.subarray(0, outerEnd(der)) : der
  frameCertificate(exact)
  return exact as CertificateDer
}

function readPem(text: string): CertificateDer[] {
  const found: CertificateDer[] = []
  const others: string[] = []
  for (const match of text.matchAll(BEGIN)) {
    const label = match[1]
    const bodyStart = match.index + match[0].length
    if (!CERTIFICATE_LABELS.has(label)) {
      others.push(label)
      continue // not looking for its END: thousands of unterminated BEGINs would cost a scan each
    }
    const endMarker = `-----END ${label}-----`
    const bodyEnd = text.indexOf(endMarker, bodyStart)
    if (bodyEnd < 0) throw new PkiError('TRUNCATED', `no ${endMarker}`)
    const der = fromBase64(text.slice(bodyStart, bodyEnd), `PEM block ${found.length + 1}`)
    found.push(certificateFrom(der, label === 'TRUSTED CERTIFICATE'))
  }
  if (found.length === 0) throw new PkiError('NOT_A_CERTIFICATE', `PEM holds ${[...new Set(others)].slice(0, 5).join(', ')}`)
  return found
}

function readText(text: string): CertificateDer[] {
  if (text.trim() === '') throw new PkiError('EMPTY')
  if (text.includes('-----BEGIN ')) return readPem(text)
  if (looksLikeBase64(text)) return [certificateFrom(fromBase64(text, 'base64 text'))]
  throw new PkiError('NOT_A_CERTIFICATE', 'neither DER, PEM nor base64')
}

/** Every certificate in the input, in order. Throws PkiError, never anything else, for bad input. */
export function readCertificates(input: Uint8Array | string): CertificateDer[] {
  if (input.length === 0) throw new PkiError('EMPTY')
  if (input.length > MAX_INPUT_BYTES) throw new PkiError('TOO_LARGE', `input of ${input.length}`)
  try {
    if (typeof input === 'string') return readText(input)
    if (input[0] === 0x30) return [certificateFrom(input)]
    return readText(decodeText(input))
  } catch (error) {
    if (error instanceof PkiError) throw error
    throw new PkiError('MALFORMED', 'unexpected decoder failure', { cause: error })
  }
}

/** Exactly one certificate: a bundle is refused rather than silently cut to its first member. */
export function readCertificate(input: Uint8Array | string): CertificateDer {
  const certificates = readCertificates(input)
  if (certificates.length > 1) throw new PkiError('MULTIPLE_CERTIFICATES', `${certificates.length} certificates`)
  return certificates[0]
}
