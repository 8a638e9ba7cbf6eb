import { TAG, children, readTlv, type Tlv } from './der'
import { PkiError } from './errors'

/**
 * Certificate ::= SEQUENCE {                                           (RFC 5280 §4.1)
 *   tbsCertificate TBSCertificate, signatureAlgorithm AlgorithmIdentifier, signatureValue BIT STRING }
 * TBSCertificate ::= SEQUENCE {
 *   version [0] EXPLICIT Version DEFAULT v1, serialNumber CertificateSerialNumber (INTEGER),
 *   signature AlgorithmIdentifier, issuer Name, validity Validity, subject Name,
 *   subjectPublicKeyInfo SubjectPublicKeyInfo,
 *   issuerUniqueID [1] IMPLICIT UniqueIdentifier OPTIONAL, subjectUniqueID [2] IMPLICIT UniqueIdentifier OPTIONAL,
 *   extensions [3] EXPLICIT Extensions OPTIONAL }
 *
 * Framing finds these fields without decoding them. It also decides the error a user sees: a cut-off
 * file is TRUNCATED, a CSR, CRL, key or PKCS #7 bundle (all DER SEQUENCEs too) is NOT_A_CERTIFICATE,
 * and only something shaped like a certificate but broken inside is MALFORMED.
 */
export const MAX_CERTIFICATE_BYTES = 64 * 1024

export interface CertificateFrame {
  der: Uint8Array
  version?: Tlv
  serial: Tlv
  signature: Tlv
  issuer: Tlv
  validity: Tlv
  subject: Tlv
  publicKey: Tlv
  extensions?: Tlv
  signatureAlgorithm: Tlv
  signatureValue: Tlv
}

/** The end of the outer SEQUENCE starting at 0, judged only from its header. */
export function outerEnd(der: Uint8Array): number {
  if (der.length === 0) throw new PkiError('EMPTY')
  if (der[0] !== TAG.SEQUENCE) throw new PkiError('NOT_A_CERTIFICATE', 'does not start with a SEQUENCE')
  if (der.length < 2) throw new PkiError('TRUNCATED', 'no length')
  let length = der[1]
  let headerEnd = 2
  if (length & 0x80) {
    const count = length & 0x7f
    if (count === 0 || count > 4) throw new PkiError('NOT_A_CERTIFICATE', 'not a DER length')
    if (der.length < 2 + count) throw new PkiError('TRUNCATED', 'length cut off')
    length = 0
    for (let i = 0; i < count; i++) length = length * 256 + der[2 + i]
    headerEnd += count
  }
  const end = headerEnd + length
  if (end > MAX_CERTIFICATE_BYTES) throw new PkiError('TOO_LARGE', `${end} bytes`)
  if (end > der.length) throw new PkiError('TRUNCATED', `${der.length} of ${end} bytes`)
  return end
}

/** Finds the fields of a certificate that fills `der` exactly. */
export function frameCertificate(der: Uint8Array): CertificateFrame {
  const end = outerEnd(der)
  if (end < der.length) throw new PkiError('TRAILING_DATA', `${der.length - end} bytes after the certificate`)
  const { tbs, signatureAlgorithm, signatureValue, fields } = shape(der, end)
  const version = fields[0].tag === 0xa0 ? fields[0] : undefined
  let i = version ? 1 : 0
  const [serial, signature, issuer, validity, subject, publicKey] = fields.slice(i, i + 6)
  i += 6
  // issuerUniqueID [1] and subjectUniqueID [2]: obsolete, skipped, primitive or not
  if ((fields[i]?.tag & 0xdf) === 0x81) i++
  if ((fields[i]?.tag & 0xdf) === 0x82) i++
  const extensions = fields[i]?.tag === 0xa3 ? fields[i++] : undefined
  const expected = [subject?.tag, publicKey?.tag].every((tag) => tag === TAG.SEQUENCE)
  if (!expected || i !== fields.length) throw new PkiError('MALFORMED', `unexpected field ${i} in tbsCertificate at byte ${tbs.start}`)
  return { der, version, serial, signature, issuer, validity, subject, publicKey, extensions, signatureAlgorithm, signatureValue }
}

const CERTIFICATE_TAGS = [TAG.INTEGER, TAG.SEQUENCE, TAG.SEQUENCE, TAG.SEQUENCE].join()

/** The fields that tell a certificate from the other DER SEQUENCEs people upload by mistake. */
function shape(der: Uint8Array, end: number) {
  try {
    const outer = readTlv(der, 0, end)
    const [tbs, signatureAlgorithm, signatureValue, extra] = children(der, outer)
    const ok = tbs?.tag === TAG.SEQUENCE && signatureAlgorithm?.tag === TAG.SEQUENCE && signatureValue?.tag === TAG.BIT_STRING && !extra
    if (!ok) throw new PkiError('NOT_A_CERTIFICATE', 'not tbsCertificate, algorithm, signature')
    const fields = children(der, tbs)
    const start = fields[0]?.tag === 0xa0 ? 1 : 0
    const tags = fields.slice(start, start + 4).map((field) => field.tag)
    // serial, signature algorithm, issuer, validity: a CSR has [0] attributes and a CRL a bare time where validity is
    if (tags.join() !== CERTIFICATE_TAGS) {
      throw new PkiError('NOT_A_CERTIFICATE', 'tbsCertificate fields do not match')
    }
    return { tbs, signatureAlgorithm, signatureValue, fields }
  } catch (error) {
    if (error instanceof PkiError && error.code === 'MALFORMED') throw new PkiError('NOT_A_CERTIFICATE', error.detail, { cause: error })
    throw error
  }
}
