import type { KeyUsage } from '../extension-decoders'
import type { ValidationReason } from './reasons'

/** The inputs of validatePath: DER bytes everywhere, so the caller decides where certificates come from. */
export interface ValidatePathOptions {
  /** the certificate to validate */
  leaf: Uint8Array
  /** configured trust anchors (RFC 5280 §6.1.1 d): their name and key end a path */
  anchors: Uint8Array[]
  /** untrusted certificates that may complete the path, in any order */
  intermediates?: Uint8Array[]
  /** CRLs; giving this array (even empty) turns revocation checking on for every certificate but the anchor */
  crls?: Uint8Array[]
  /** validation time; now when absent */
  at?: Date
  /** 'sign': the leaf must allow digitalSignature (an encryption-only certificate is ENCRYPTION_ONLY) */
  purpose?: 'sign' | 'any'
  /** key usages the leaf must allow when it has a keyUsage extension */
  keyUsage?: KeyUsage[]
  /** OIDs or names (serverAuth, clientAuth, …) of which the leaf and every CA with an EKU must allow one */
  extendedKeyUsage?: string[]
  /** shorthand for policy { initialPolicySet: [oid], explicitPolicy: true } */
  requiredPolicy?: string
  /** RFC 5280 §6.1.1 (c), (f)–(h); defaults: anyPolicy, nothing required, nothing inhibited */
  policy?: { initialPolicySet?: string[]; explicitPolicy?: boolean; inhibitPolicyMapping?: boolean; inhibitAnyPolicy?: boolean }
  /** the host, address or mailbox the leaf must name in subjectAltName (never the CN) */
  expectedName?: { dns?: string; ip?: string; email?: string }
  /** most certificates in a path, leaf and anchor included: at most (and by default) 8 */
  maxDepth?: number
  /** most intermediates that are not self-issued, like a pathLenConstraint of the relying party */
  maxIntermediates?: number
  /** hard limit for path building and checking, default 2000 ms (it starts once the inputs are decoded); exceeding it is TIME_LIMIT */
  timeLimitMs?: number
  /**
   * 'webpki': the certificate is a TLS server's, held to the CA/Browser Forum Baseline Requirements
   * on top of RFC 5280 (webpki-profile.ts): EKU serverAuth present and non-critical, no anyEKU, not a
   * CA, commonName a copy of a SAN entry, no EKU on the root; nameConstraints may be non-critical.
   * Default 'rfc5280', which client, card and signing certificates must keep: GPKI ones break these rules.
   */
  profile?: 'rfc5280' | 'webpki'
  /** enforce the RFC 5280 §4 issuer profile (see profile.ts); default true */
  strict?: boolean
  /** also check the anchor's validity, extensions and profile, as x509-limbo expects; default false (RFC 5280: input only) */
  checkAnchor?: boolean
  /** smallest RSA modulus accepted, default 2048 */
  minRsaBits?: number
  /** accept SHA-1 signatures (old GPKI certificates); default false */
  allowSha1?: boolean
}

export interface ValidationResult {
  valid: boolean
  reasons: ValidationReason[]
  /** subject display strings, leaf first, trust anchor last (of the path found, or the best attempt) */
  path: string[]
}
