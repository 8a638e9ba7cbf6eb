import type { PathCertificate } from './certificate'
import { PROCESSED_CRITICAL } from './certificate-extensions'
import { profileIssues } from './profile'
import { reason, type ValidationReason } from './reasons'
import type { Settings } from './settings'
import { isBrokenSignatureOid } from './signature-algorithm'

/**
 * What RFC 5280 §6.1.3 (a) and §6.1.4 (o) ask of every certificate whatever its place: the time,
 * the signature algorithm fields, critical extensions, plus the algorithm policy and, in strict
 * mode, the issuer profile. The signature itself was verified when the path was built.
 */
export function certificateChecks(cert: PathCertificate, index: number, settings: Settings, signedByIssuer = true): ValidationReason[] {
  const reasons: ValidationReason[] = []
  if (settings.at < cert.notBefore) reasons.push(reason('NOT_YET_VALID', index))
  if (settings.at > cert.notAfter) reasons.push(reason('EXPIRED', index))
  if (!cert.algorithmsMatch) reasons.push(reason('SIGNATURE_ALGORITHM_MISMATCH', index))
  for (const { oid, critical } of cert.ext.list) {
    if (critical && !PROCESSED_CRITICAL.has(oid)) reasons.push(reason('UNKNOWN_CRITICAL_EXTENSION', index, oid))
  }
  reasons.push(...keyChecks(cert, index, settings, signedByIssuer))
  const role = signedByIssuer ? 'issued' : 'trusted-leaf'
  if (settings.strict) for (const issue of profileIssues(cert, role, settings.webpki)) reasons.push(reason('PROFILE_VIOLATION', index, issue))
  return reasons
}

/** The algorithm policy: the subject key's size and the hash the issuer signed this certificate with. */
export function keyChecks(cert: PathCertificate, index: number, settings: Settings, signedByIssuer = true): ValidationReason[] {
  const reasons: ValidationReason[] = []
  const { key } = cert
  if ((key.algorithm === 'RSA' || key.algorithm === 'RSA-PSS') && (key.bits ?? 0) < settings.minRsaBits) {
    reasons.push(reason('WEAK_ALGORITHM', index, `RSA key of ${key.bits} bits`))
  }
  if (!['RSA', 'RSA-PSS', 'EC', 'Ed25519'].includes(key.algorithm)) reasons.push(reason('UNSUPPORTED_ALGORITHM', index, `${key.algorithm} key`))
  const sha1 = 'hash' in cert.scheme && cert.scheme.hash === 'SHA-1'
  // A trust anchor's own signature is never verified, so its hash does not matter.
  if (signedByIssuer && (isBrokenSignatureOid(cert.signatureOid) || (sha1 && !settings.allowSha1))) reasons.push(reason('WEAK_ALGORITHM', index, cert.signatureOid))
  return reasons
}

/** §6.1.4 (k), (n): an issuer must be a CA allowed to sign certificates. */
export function issuerChecks(cert: PathCertificate, index: number): ValidationReason[] {
  const reasons: ValidationReason[] = []
  if (!cert.isCA) reasons.push(reason('NOT_A_CA', index, cert.ext.basicConstraints ? 'cA is false' : 'no basicConstraints'))
  if (cert.ext.keyUsage && !cert.ext.keyUsage.has('keyCertSign')) reasons.push(reason('KEY_USAGE_MISSING', index, 'keyCertSign'))
  return reasons
}
