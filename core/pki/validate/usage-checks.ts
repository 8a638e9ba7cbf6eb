import type { PathCertificate } from './certificate'
import { namesPeer } from './peer-name'
import { reason, type ValidationReason } from './reasons'
import type { Settings } from './settings'
import { webpkiLeafChecks } from './webpki-profile'

/**
 * What the caller means to use the leaf for (RFC 5280 §4.2.1.3, §4.2.1.12) and whom it must name.
 * Extended key usage is also read on CAs, as OpenSSL, NSS and Go do: a CA whose EKU leaves out the
 * purpose cannot certify keys for it. Without a requested purpose, a CA's EKU must still overlap
 * the leaf's, or the leaf can be used for nothing its issuer allowed.
 */
const ANY_EKU = '2.5.29.37.0'
const ENCRYPTION_USAGES = ['keyEncipherment', 'dataEncipherment', 'keyAgreement'] as const

function allows(ekus: string[] | undefined, wanted: string[], anyAllowed = true): boolean {
  return !ekus || (anyAllowed && ekus.includes(ANY_EKU)) || wanted.some((oid) => ekus.includes(oid))
}

export function leafChecks(leaf: PathCertificate, settings: Settings): ValidationReason[] {
  const reasons: ValidationReason[] = []
  const usage = leaf.ext.keyUsage
  if (usage) {
    const missing = settings.keyUsage.filter((u) => !usage.has(u))
    const encryptionOnly = settings.sign && !usage.has('digitalSignature') && ENCRYPTION_USAGES.some((u) => usage.has(u))
    if (encryptionOnly) reasons.push(reason('ENCRYPTION_ONLY', 0))
    else if (missing.length) reasons.push(reason('KEY_USAGE_MISSING', 0, missing.join(', ')))
  }
  // §4.2.1.12 lets an application that needs a purpose refuse anyExtendedKeyUsage in its place, as OpenSSL does.
  if (settings.extendedKeyUsage.length && !allows(leaf.ext.extKeyUsage, settings.extendedKeyUsage, false)) reasons.push(reason('EKU_MISSING', 0))
  if (settings.expectedName && !namesPeer(leaf, settings.expectedName)) reasons.push(reason('NAME_MISMATCH', 0))
  if (settings.webpki) reasons.push(...webpkiLeafChecks(leaf))
  return reasons
}

/** `cas` are the path's issuers (anchor included when it is checked), `index` their place in the path. */
export function caUsageChecks(leaf: PathCertificate, cas: { cert: PathCertificate; index: number }[], settings: Settings): ValidationReason[] {
  const wanted = settings.extendedKeyUsage.length ? settings.extendedKeyUsage : leaf.ext.extKeyUsage?.filter((oid) => oid !== ANY_EKU)
  if (!wanted?.length) return []
  return cas.filter(({ cert }) => !allows(cert.ext.extKeyUsage, wanted)).map(({ index }) => reason('EKU_MISSING', index))
}
