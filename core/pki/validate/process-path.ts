import type { PathCertificate } from './certificate'
import { certificateChecks, issuerChecks, keyChecks } from './certificate-checks'
import type { NameConstraints } from './constraint-extensions'
import { PolicyProcessor } from './policy-processing'
import { constrainedNames, nameConstraintViolation } from './name-constraints'
import { PROCESSED_CRITICAL } from './certificate-extensions'
import { profileIssues } from './profile'
import { reason, type ValidationReason } from './reasons'
import type { Settings } from './settings'
import { caUsageChecks, leafChecks } from './usage-checks'
import { webpkiRootChecks } from './webpki-profile'

/**
 * RFC 5280 §6.1.2–§6.1.5 over one candidate path: `certs` leaf first, each signed by the next, the
 * last signed by `anchor`. Certificate i of the RFC (1 = issued by the anchor, n = leaf) is
 * certs[n - i]; reasons carry the index in `certs`, the anchor being index n.
 */
export function processPath(certs: PathCertificate[], anchor: PathCertificate, settings: Settings): ValidationReason[] {
  const n = certs.length
  const reasons: ValidationReason[] = settings.checkAnchor ? anchorChecks(anchor, n, settings) : []
  const constraints: NameConstraints[] = anchor.ext.nameConstraints ? [anchor.ext.nameConstraints] : []
  // The anchor's own pathLenConstraint binds like its name constraints do (RFC 5937), checked or not.
  let maxPathLength = Math.min(settings.maxIntermediates ?? n, anchor.ext.basicConstraints?.pathLen ?? n)
  const policy = new PolicyProcessor(n, settings)
  for (let i = 1; i <= n; i++) {
    const index = n - i
    const cert = certs[index]
    const isLeaf = i === n
    reasons.push(...certificateChecks(cert, index, settings))
    if (settings.strict) reasons.push(...keyIdentifierChecks(cert, index < n - 1 ? certs[index + 1] : anchor, index))
    if (!cert.selfIssued || isLeaf) {
      const names = constrainedNames(cert)
      for (const nc of constraints) {
        const violation = nameConstraintViolation(names, nc)
        if (violation) reasons.push(reason('NAME_CONSTRAINTS', index, violation))
      }
    }
    const policyFailure = policy.process(cert, isLeaf)
    if (policyFailure) reasons.push(reason(policyFailure.code, index, policyFailure.detail))
    if (isLeaf) break
    reasons.push(...issuerChecks(cert, index))
    if (cert.ext.nameConstraints) constraints.push(cert.ext.nameConstraints)
    if (!cert.selfIssued) {
      if (maxPathLength <= 0) reasons.push(reason('PATH_LENGTH_EXCEEDED', index))
      maxPathLength--
    }
    const pathLen = cert.ext.basicConstraints?.pathLen
    if (pathLen !== undefined && pathLen < maxPathLength) maxPathLength = pathLen
  }
  const finalPolicy = policy.finish(certs[0])
  if (finalPolicy) reasons.push(reason(finalPolicy.code, 0, finalPolicy.detail))
  reasons.push(...leafChecks(certs[0], settings))
  const cas = certs.slice(1).map((cert, i) => ({ cert, index: i + 1 }))
  if (settings.checkAnchor) cas.push({ cert: anchor, index: n })
  reasons.push(...caUsageChecks(certs[0], cas, settings))
  if (settings.webpki) reasons.push(...webpkiRootChecks(anchor, n))
  return reasons
}

/** RFC 5280 §4.2.1.1: the authority key identifier names the issuer's key (and serial, when given). */
function keyIdentifierChecks(cert: PathCertificate, issuer: PathCertificate, index: number): ValidationReason[] {
  const aki = cert.ext.authorityKeyId
  const reasons: ValidationReason[] = []
  if (aki?.keyId && issuer.ext.subjectKeyId && aki.keyId !== issuer.ext.subjectKeyId) {
    reasons.push(reason('PROFILE_VIOLATION', index, 'authorityKeyIdentifier differs from the issuer subjectKeyIdentifier'))
  }
  if (aki?.serialHex && aki.serialHex !== issuer.serialHex) reasons.push(reason('PROFILE_VIOLATION', index, 'authorityCertSerialNumber is not the issuer serial'))
  return reasons
}

/** What x509-limbo expects of a trust anchor when asked to check it: a valid, well-formed CA certificate. */
function anchorChecks(anchor: PathCertificate, index: number, settings: Settings): ValidationReason[] {
  const reasons: ValidationReason[] = []
  if (settings.at < anchor.notBefore) reasons.push(reason('NOT_YET_VALID', index))
  if (settings.at > anchor.notAfter) reasons.push(reason('EXPIRED', index))
  for (const { oid, critical } of anchor.ext.list) {
    if (critical && !PROCESSED_CRITICAL.has(oid)) reasons.push(reason('UNKNOWN_CRITICAL_EXTENSION', index, oid))
  }
  reasons.push(...keyChecks(anchor, index, settings, false))
  if (anchor.version === 3) reasons.push(...issuerChecks(anchor, index))
  if (settings.strict) {
    for (const issue of profileIssues(anchor, 'anchor', settings.webpki)) reasons.push(reason('PROFILE_VIOLATION', index, issue))
    if (anchor.selfIssued) reasons.push(...keyIdentifierChecks(anchor, anchor, index))
  }
  return reasons
}

