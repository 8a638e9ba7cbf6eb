import { explicit, integer, sequence, time, type Der } from './der-encode'
import { extensionsField } from './extension-encoders'
import { algorithmIdentifier, schemeForKey, signStructure } from './signature'

/**
 * Certificate ::= SEQUENCE { tbsCertificate TBSCertificate, signatureAlgorithm AlgorithmIdentifier, signatureValue BIT STRING }
 * TBSCertificate ::= SEQUENCE {
 *   version [0] EXPLICIT Version (v3 = 2), serialNumber INTEGER, signature AlgorithmIdentifier,
 *   issuer Name, validity Validity { notBefore Time, notAfter Time }, subject Name,
 *   subjectPublicKeyInfo SubjectPublicKeyInfo, extensions [3] EXPLICIT Extensions }   (RFC 5280 §4.1)
 * The issuer name is copied byte for byte from the issuer's certificate subject, so name chaining
 * never depends on how a string type would be re-encoded.
 */
export interface CertificateFields {
  /** unsigned big-endian, at most 20 bytes (RFC 5280 §4.1.2.2) */
  serial: Uint8Array
  issuer: Der
  subject: Der
  notBefore: Date
  notAfter: Date
  spki: Uint8Array
  extensions: readonly Der[]
}

export async function signCertificate(fields: CertificateFields, issuerKey: CryptoKey): Promise<Uint8Array> {
  if (fields.serial.length === 0 || fields.serial.length > 20) throw new RangeError('serial must be 1 to 20 bytes')
  if (fields.notAfter.getTime() <= fields.notBefore.getTime()) throw new RangeError('notAfter must follow notBefore')
  const tbs = sequence(
    explicit(0, integer(2)),
    integer(fields.serial),
    algorithmIdentifier(schemeForKey(issuerKey)),
    fields.issuer,
    sequence(time(fields.notBefore), time(fields.notAfter)),
    fields.subject,
    fields.spki,
    ...(fields.extensions.length ? [extensionsField(3, fields.extensions)] : []),
  )
  return signStructure(tbs, issuerKey)
}
