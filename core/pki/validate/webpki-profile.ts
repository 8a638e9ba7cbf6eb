import { attributeValues } from '../names'
import type { PathCertificate } from './certificate'
import { canonicalIpText } from './ip-text'
import { reason, type ValidationReason } from './reasons'

/**
 * The Web PKI profile, validatePath's `profile: 'webpki'`: what the CA/Browser Forum Baseline
 * Requirements for TLS server certificates (BR 2.x, §7.1.2) ask of the leaf and the root, enforced
 * by the relying party on top of RFC 5280. Only for validating a TLS server: GPKI card and signing
 * certificates carry a critical EKU (and no SAN) on purpose and stay under the RFC 5280 profile.
 *
 * Leaf (subscriber certificate):
 * - 7.1.2.7.6: extKeyUsage present and not critical; 7.1.2.7.10: it holds serverAuth (settings.ts
 *   asks for it when the caller names no purpose) and never anyExtendedKeyUsage;
 * - 7.1.2.7.8 / 7.1.2.7.11: not a CA: no basicConstraints cA, no keyCertSign;
 * - 7.1.4.3: at most one commonName, a character-for-character copy of a dNSName of the SAN (so
 *   case counts, and a U-label is not its A-label) or the RFC 3986 / RFC 5952 text of an iPAddress
 *   (so "192.168.001.001", "0xC0A80101" and upper-case IPv6 are refused even when the SAN agrees).
 * Root (the trust anchor): 7.1.2.1.2: no extKeyUsage.
 * Relaxed: 7.1.2.10.8 lets nameConstraints be non-critical (profile.ts), against RFC 5280 §4.2.1.10.
 *
 * The public suffix rule (7.1.2.7.12: no wildcard over a registry-controlled suffix) is applied
 * only for single-label suffixes ("*.com", in peer-name.ts): multi-label ones ("*.co.uk",
 * "*.s3.amazonaws.com") need the Public Suffix List, which is not bundled.
 */
const EXT_KEY_USAGE = '2.5.29.37'
const ANY_EKU = '2.5.29.37.0'
const COMMON_NAME = '2.5.4.3'

/** The spellings 7.1.4.3 allows for a commonName: the SAN's dNSNames as written, its addresses as canonical text. */
function sanSpellings(leaf: PathCertificate): Set<string> {
  const spellings = new Set<string>()
  for (const name of leaf.ext.subjectAltName ?? []) {
    const text = name.type === 'dns' ? name.text : name.type === 'ip' ? canonicalIpText(name.bytes) : undefined
    if (text !== undefined) spellings.add(text)
  }
  return spellings
}

function commonNameIssues(leaf: PathCertificate): string[] {
  const names = attributeValues(leaf.subject.dn, COMMON_NAME)
  const issues = names.length > 1 ? ['BR 7.1.4.3: more than one commonName'] : []
  const spellings = sanSpellings(leaf)
  for (const cn of names) if (!spellings.has(cn)) issues.push(`BR 7.1.4.3: commonName "${cn}" is not a copy of a subjectAltName entry`)
  return issues
}

export function webpkiLeafChecks(leaf: PathCertificate): ValidationReason[] {
  const eku = leaf.ext.list.find((e) => e.oid === EXT_KEY_USAGE)
  const reasons: ValidationReason[] = eku ? [] : [reason('EKU_MISSING', 0, 'BR 7.1.2.7.6: no extKeyUsage')]
  const issues: string[] = []
  if (eku?.critical) issues.push('BR 7.1.2.7.6: extKeyUsage marked critical')
  if (leaf.ext.extKeyUsage?.includes(ANY_EKU)) issues.push('BR 7.1.2.7.10: anyExtendedKeyUsage')
  if (leaf.ext.basicConstraints?.ca) issues.push('BR 7.1.2.7.8: basicConstraints cA in a subscriber certificate')
  if (leaf.ext.keyUsage?.has('keyCertSign')) issues.push('BR 7.1.2.7.11: keyCertSign in a subscriber certificate')
  issues.push(...commonNameIssues(leaf))
  return [...reasons, ...issues.map((issue) => reason('BASELINE_REQUIREMENTS', 0, issue))]
}

/** `index` is the anchor's place in the path. */
export function webpkiRootChecks(anchor: PathCertificate, index: number): ValidationReason[] {
  const eku = anchor.ext.list.some((e) => e.oid === EXT_KEY_USAGE)
  return eku ? [reason('BASELINE_REQUIREMENTS', index, 'BR 7.1.2.1.2: extKeyUsage in a root certificate')] : []
}
