import type { PathCertificate } from './certificate'
import type { ParsedCrl } from './crl'
import { ALL_REASONS, generalNameKeys, pointNameKeys, type DistributionPoint } from './distribution-points'
import type { NameInfo } from './name-key'

/**
 * RFC 5280 §6.3.3 (b) and (d): whether a complete CRL covers a certificate through one of its
 * distribution points, and for which reasons. A certificate without cRLDistributionPoints is treated
 * as having one point with no name, no reasons and its issuer as CRL issuer; such a certificate is
 * covered only by CRLs whose IDP names no distribution point (partitioned CRLs cover named points).
 */
export const NO_POINT: DistributionPoint = {}

function dirKeys(names: DistributionPoint['crlIssuer']): Set<string> {
  return new Set((names ?? []).filter((n) => n.dir).map((n) => n.dir!.key))
}

function intersects(a: Set<string>, b: Set<string>): boolean {
  for (const key of a) if (b.has(key)) return true
  return false
}

/** The names a distribution point uses, a relative name resolved against its CRL issuer (§4.2.1.13). */
function pointKeys(point: DistributionPoint, cert: PathCertificate): Set<string> {
  if (!point.name) return new Set()
  const issuer: NameInfo = point.crlIssuer?.find((n) => n.dir)?.dir ?? cert.issuer
  return pointNameKeys(point.name, issuer)
}

/** The reasons (ReasonFlags bit numbers) this CRL covers for the certificate, or null when it does not apply. */
export function crlScope(crl: ParsedCrl, cert: PathCertificate, point: DistributionPoint): Set<number> | null {
  const idp = crl.idp
  if (point.crlIssuer) {
    if (!dirKeys(point.crlIssuer).has(crl.issuer.key) || !idp?.indirect) return null
  } else if (crl.issuer.key !== cert.issuer.key) return null
  if (idp) {
    if (idp.name) {
      const idpKeys = pointNameKeys(idp.name, crl.issuer)
      if (point.name) {
        if (!intersects(idpKeys, pointKeys(point, cert))) return null
      } else if (point.crlIssuer) {
        if (!intersects(idpKeys, generalNameKeys(point.crlIssuer))) return null
      } else return null
    }
    if (idp.onlyUser && cert.isCA) return null
    if (idp.onlyCA && !cert.isCA) return null
    if (idp.onlyAttribute) return null
  }
  const reasons = new Set(ALL_REASONS)
  for (const bit of ALL_REASONS) {
    if (idp?.onlySomeReasons && !idp.onlySomeReasons.has(bit)) reasons.delete(bit)
    if (point.reasons && !point.reasons.has(bit)) reasons.delete(bit)
  }
  return reasons
}

/** §6.3.3 (c)(1)–(3): a delta CRL goes with a complete CRL of the same issuer, scope and key. */
export function deltaMatches(delta: ParsedCrl, complete: ParsedCrl): boolean {
  if (delta.deltaBase === undefined || delta.issuer.key !== complete.issuer.key) return false
  if (delta.idpHex !== complete.idpHex) return false
  if (delta.authorityKeyId && complete.authorityKeyId && delta.authorityKeyId !== complete.authorityKeyId) return false
  // RFC 5280 §5.2.4: a delta applies to a complete CRL numbered at least its BaseCRLNumber, and must be newer.
  if (complete.crlNumber === undefined || complete.crlNumber < delta.deltaBase) return false
  return delta.crlNumber === undefined || delta.crlNumber > complete.crlNumber
}
