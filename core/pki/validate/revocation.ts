import type { PathCertificate } from './certificate'
import type { ParsedCrl } from './crl'
import { CERTIFICATE_HOLD, REMOVE_FROM_CRL, findEntry } from './crl-entries'
import { NO_POINT, crlScope, deltaMatches } from './crl-scope'
import { ALL_REASONS } from './distribution-points'
import { reason, type ValidationReason } from './reasons'
import type { Settings } from './settings'

/**
 * Certificate revocation status from CRLs (RFC 5280 §6.3.3), fail-closed as PKITS expects: a
 * certificate is accepted only when valid CRLs cover all reasons (reasons_mask = all-reasons) and
 * none lists it. Delta CRLs are applied on top of their complete CRL; indirect CRLs and CRLs signed
 * by another key of the CA are accepted when their signer's certificate chains to the same anchor.
 * certificateHold counts as revoked (REVOKED, detail "certificateHold").
 */
export interface RevocationContext {
  crls: ParsedCrl[]
  settings: Settings
  /** every certificate given to the validation, anchors and intermediates */
  certificates: PathCertificate[]
  verifyCrl(crl: ParsedCrl, signer: PathCertificate): Promise<boolean>
  /** whether a CRL signer outside the path chains, unrevoked, to `anchor` */
  signerValid(signer: PathCertificate, anchor: PathCertificate): Promise<boolean>
}

const REASON_NAMES = ['unspecified', 'keyCompromise', 'cACompromise', 'affiliationChanged', 'superseded', 'cessationOfOperation', 'certificateHold', '', 'removeFromCRL', 'privilegeWithdrawn', 'aACompromise']

function crlProblem(crl: ParsedCrl, settings: Settings): ValidationReason | undefined {
  if (settings.at < crl.thisUpdate || (crl.nextUpdate !== undefined && settings.at > crl.nextUpdate)) return reason('CRL_EXPIRED', undefined, crl.issuer.dn.display)
  const problems = [...crl.unusable, ...(settings.strict ? crl.issues : []), ...(crl.algorithmsMatch ? [] : ['signature algorithms differ'])]
  return problems.length ? reason('CRL_INVALID', undefined, problems.join('; ')) : undefined
}

/** §6.3.3 (f)–(g): the certificate whose key signed the CRL, which must allow cRLSign and chain to the anchor. */
async function crlSigner(crl: ParsedCrl, issuer: PathCertificate, trusted: PathCertificate[], ctx: RevocationContext): Promise<PathCertificate | null> {
  const anchor = trusted[trusted.length - 1]
  const candidates = [issuer, ...trusted, ...ctx.certificates].filter((c, i, all) => c.subject.key === crl.issuer.key && all.indexOf(c) === i)
  for (const candidate of candidates) {
    if (candidate.ext.keyUsage && !candidate.ext.keyUsage.has('cRLSign')) continue
    if (!(await ctx.verifyCrl(crl, candidate))) continue
    if (trusted.includes(candidate) || (await ctx.signerValid(candidate, anchor))) return candidate
  }
  return null
}

async function freshestDelta(complete: ParsedCrl, signer: PathCertificate, ctx: RevocationContext): Promise<ParsedCrl | undefined> {
  let best: ParsedCrl | undefined
  for (const delta of ctx.crls) {
    if (!deltaMatches(delta, complete) || crlProblem(delta, ctx.settings)) continue
    if (best && (best.crlNumber ?? 0n) >= (delta.crlNumber ?? 0n)) continue
    if (await ctx.verifyCrl(delta, signer)) best = delta
  }
  return best
}

/**
 * `trusted` are the certificates above `cert` in its path, anchor last, all already validated;
 * `trusted[0]` issued `cert`. Returns no reason when the certificate is known not to be revoked.
 */
export async function revocationReasons(cert: PathCertificate, index: number, trusted: PathCertificate[], ctx: RevocationContext): Promise<ValidationReason[]> {
  const problems: ValidationReason[] = []
  const covered = new Set<number>()
  for (const point of cert.ext.crlDistributionPoints ?? [NO_POINT]) {
    for (const crl of ctx.crls) {
      if (covered.size === ALL_REASONS.length) break
      if (crl.deltaBase !== undefined) continue
      const scope = crlScope(crl, cert, point)
      if (!scope || [...scope].every((bit) => covered.has(bit))) continue
      const problem = crlProblem(crl, ctx.settings)
      if (problem) {
        problems.push({ ...problem, certIndex: index })
        continue
      }
      const signer = await crlSigner(crl, trusted[0], trusted, ctx)
      if (!signer) {
        problems.push(reason('CRL_INVALID', index, `no valid signer for the CRL of ${crl.issuer.dn.display}`))
        continue
      }
      const delta = await freshestDelta(crl, signer, ctx)
      const entry = (delta && findEntry(delta.entries, cert.issuer.key, cert.serialHex)) ?? findEntry(crl.entries, cert.issuer.key, cert.serialHex)
      if (entry && entry.reason !== REMOVE_FROM_CRL) {
        const held = entry.reason === CERTIFICATE_HOLD
        return [reason('REVOKED', index, held ? 'certificateHold' : (REASON_NAMES[entry.reason ?? 0] ?? String(entry.reason)))]
      }
      scope.forEach((bit) => covered.add(bit))
    }
  }
  if (covered.size === ALL_REASONS.length) return []
  return problems.length ? problems : [reason('CRL_MISSING', index)]
}
