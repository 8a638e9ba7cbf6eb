import type { CertificateKind } from './classify'
import type { CertificateExtensions } from './extensions'
import type { GpkiIdentity } from './gpki-identity'
import type { DistinguishedName } from './names'
import type { PublicKeyInfo } from './public-key'

/** What the product shows and decides about one certificate: plain data, no ASN.1 objects. */
export interface CertificateInfo {
  version: 1 | 2 | 3
  /** magnitude in lower-case hex without DER's 00 sign byte: `openssl x509 -serial`, lower-cased */
  serialHex: string
  subject: DistinguishedName
  issuer: DistinguishedName
  /** ISO 8601 in UTC, e.g. 2024-07-18T04:22:34.000Z */
  notBefore: string
  notAfter: string
  /** OpenSSL's name, e.g. sha256WithRSAEncryption; the OID when we have no name for it */
  signatureAlgorithm: string
  signatureAlgorithmOid: string
  publicKey: PublicKeyInfo
  /** lower-case hex of SHA-256 over the DER */
  sha256Fingerprint: string
  /** subject and issuer are the same bytes */
  selfIssued: boolean
  extensions: CertificateExtensions
  identity: GpkiIdentity
  kind: CertificateKind
  /** issued by a test hierarchy; never to be accepted in production */
  isTest: boolean
  isCA: boolean
  /** may log in or sign documents: see keyUse in classify.ts */
  canSign: boolean
  /** an encryption certificate (card's second certificate): it cannot sign */
  encryptionOnly: boolean
}
