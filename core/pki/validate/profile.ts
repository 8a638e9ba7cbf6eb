import type { PathCertificate } from './certificate'
import { ANY_POLICY } from './policy-information'
import { generalNameIssue, isDnsName, subjectAltNameIssues } from './profile-names'

/**
 * The strict profile: RFC 5280 §4 rules for what conforming CAs issue (MUST, and the SHOULDs that
 * real hierarchies keep, like OpenSSL's -x509_strict). Path validation proper (§6) does not need
 * them, and PKITS, which tests §6 only, breaks several on purpose; x509-limbo and x509test expect
 * them. Each finding is one PROFILE_VIOLATION reason.
 *
 * Deliberately not enforced: keyUsage SHOULD be critical (most CAs, x509-limbo's included, leave it
 * non-critical) and "an identity only in subjectAltName needs an empty subject" (we cannot tell
 * which attribute is the identity).
 */
const MUST_BE_NON_CRITICAL: Record<string, string> = {
  '2.5.29.35': 'authorityKeyIdentifier',
  '2.5.29.14': 'subjectKeyIdentifier',
  '2.5.29.9': 'subjectDirectoryAttributes',
  '2.5.29.46': 'freshestCRL',
  '2.5.29.18': 'issuerAltName',
  '2.5.29.31': 'cRLDistributionPoints',
  '1.3.6.1.5.5.7.1.1': 'authorityInfoAccess',
  '1.3.6.1.5.5.7.1.11': 'subjectInfoAccess',
}
const MUST_BE_CRITICAL: Record<string, string> = {
  '2.5.29.30': 'nameConstraints',
  '2.5.29.36': 'policyConstraints',
  '2.5.29.54': 'inhibitAnyPolicy',
  '2.5.29.33': 'policyMappings',
}

/** BR 7.1.2.10.8 and 7.1.2.5.2 let a Web PKI CA mark nameConstraints non-critical for legacy clients. */
const WEBPKI_MAY_BE_NON_CRITICAL = new Set(['2.5.29.30'])

function criticality(cert: PathCertificate, webpki: boolean): string[] {
  const issues: string[] = []
  for (const { oid, critical } of cert.ext.list) {
    if (critical && MUST_BE_NON_CRITICAL[oid]) issues.push(`${MUST_BE_NON_CRITICAL[oid]} marked critical`)
    if (!critical && MUST_BE_CRITICAL[oid] && !(webpki && WEBPKI_MAY_BE_NON_CRITICAL.has(oid))) issues.push(`${MUST_BE_CRITICAL[oid]} not marked critical`)
    if (oid === '2.5.29.19' && !critical && cert.isCA) issues.push('basicConstraints of a CA not marked critical')
    if (oid === '2.5.29.37' && critical && cert.ext.extKeyUsage?.includes('2.5.29.37.0')) issues.push('critical extKeyUsage with anyExtendedKeyUsage')
  }
  return issues
}

function keyIdentifiers(cert: PathCertificate, role: ProfileRole): string[] {
  const issues: string[] = []
  const aki = cert.ext.authorityKeyId
  if (cert.isCA && !cert.ext.subjectKeyId) issues.push('CA certificate without subjectKeyIdentifier')
  // Only self-signed certificates may leave the AKI out (§4.2.1.1); a trust anchor is trusted for its
  // key, so a cross-signed one without AKI is accepted too (x509-limbo cve-2024-0567 relies on it).
  if (aki ? !aki.keyId : cert.version === 3 && role === 'issued') issues.push('authorityKeyIdentifier without keyIdentifier')
  if (aki && !aki.issuer !== !aki.serialHex) issues.push('authorityCertIssuer and authorityCertSerialNumber not both present')
  for (const name of cert.ext.authorityCertIssuer ?? []) {
    const issue = generalNameIssue(name)
    if (issue) issues.push(`authorityCertIssuer: ${issue}`)
  }
  return issues
}

function caConsistency(cert: PathCertificate): string[] {
  const issues: string[] = []
  const usage = cert.ext.keyUsage
  const bc = cert.ext.basicConstraints
  if (usage?.has('keyCertSign') && !cert.isCA) issues.push('keyCertSign without basicConstraints cA')
  if (cert.isCA && usage && !usage.has('keyCertSign')) issues.push('basicConstraints cA without keyCertSign')
  if (bc?.pathLen !== undefined && (!bc.ca || (usage && !usage.has('keyCertSign')))) issues.push('pathLenConstraint without cA and keyCertSign')
  if (cert.ext.nameConstraints && !cert.isCA) issues.push('nameConstraints in a certificate that is not a CA')
  const bases = [...(cert.ext.nameConstraints?.permitted ?? []), ...(cert.ext.nameConstraints?.excluded ?? [])]
  const forms = bases.map((n) => n.type)
  if (forms.some((form) => form === 'registeredId' || form === 'x400Address' || form === 'ediPartyName')) issues.push('nameConstraints on a form no one can check')
  const dnsBases = bases.filter((n) => n.type === 'dns')
  // §4.2.1.10 allows a leading period for URIs only; a dNSName constraint is a host name ('*' as a
  // label is kept: it is a literal that matches nothing, x509test's ok-ext-name-constraints has one).
  if (dnsBases.some((n) => n.text !== '' && !isDnsName(n.text, true))) issues.push('dNSName constraint that is not a host name')
  if (cert.isCA && cert.subject.rdnKeys.length === 0) issues.push('CA certificate with an empty subject')
  if (cert.issuer.rdnKeys.length === 0) issues.push('empty issuer name')
  return issues
}

function policies(cert: PathCertificate): string[] {
  const issues = (cert.ext.policies ?? []).flatMap((p) => p.issues)
  const asserted = new Set((cert.ext.policies ?? []).map((p) => p.oid))
  for (const [from, to] of cert.ext.policyMappings ?? []) {
    if (from === ANY_POLICY || to === ANY_POLICY) issues.push('policy mapped to or from anyPolicy')
    else if (!asserted.has(from) && !asserted.has(ANY_POLICY)) issues.push(`mapped policy ${from} not asserted`)
  }
  if (cert.ext.crlDistributionPoints?.some((dp) => !dp.name && !dp.crlIssuer)) issues.push('distribution point with only reasons')
  return issues
}

function keySize(cert: PathCertificate): string[] {
  const { key } = cert
  if ((key.algorithm === 'RSA' || key.algorithm === 'RSA-PSS') && key.bits && key.bits % 8) return ['RSA modulus not a whole number of octets']
  return []
}

/**
 * 'issued': a certificate some issuer signed for the path; 'anchor': a trust anchor, whose encoding
 * findings (serial number, time types) are left out, since real roots such as Starfield's (serial 0)
 * are trusted for their key, not for how they were issued; 'trusted-leaf': a leaf that is itself an
 * anchor, judged as a leaf except that nobody had to name its key in an AKI.
 */
export type ProfileRole = 'issued' | 'anchor' | 'trusted-leaf'

/** Every strict-profile finding for one certificate, in a stable order; `webpki` applies that profile's relaxations. */
export function profileIssues(cert: PathCertificate, role: ProfileRole = 'issued', webpki = false): string[] {
  return [
    ...(role === 'anchor' ? [] : cert.issues),
    ...cert.ext.issues,
    ...criticality(cert, webpki),
    ...keyIdentifiers(cert, role),
    ...caConsistency(cert),
    ...policies(cert),
    ...keySize(cert),
    ...subjectAltNameIssues(cert),
  ]
}
