import { Budget, LIMITS, OutOfBudget } from './budget'
import type { PathCertificate } from './certificate'
import type { ParsedCrl } from './crl'
import { bytesKey } from './der-strict'
import { processPath } from './process-path'
import { reason, type ValidationReason } from './reasons'
import { revocationReasons, type RevocationContext } from './revocation'
import type { Settings } from './settings'
import { verifySignature, type VerifyOutcome } from './signature'
import { distancesToAnchors, issuerCandidates } from './candidates'
import { ANY_POLICY } from './policy-information'
import type { ValidationResult } from './validate-types'

/**
 * Path building (RFC 4158 in spirit): depth-first from the leaf towards the anchors, trying every
 * certificate whose subject is the current issuer name, preferred by key identifier, verifying each
 * signature once per key, never reusing a certificate in one path, and pruning branches that cannot
 * reach an anchor within the depth left (distances computed once, by name). Each anchored path is
 * then validated in full (processPath, then revocation); the first valid one wins, otherwise the
 * first anchored attempt explains the failure.
 */
export class PathSearch {
  readonly budget: Budget
  private readonly signatureCache = new Map<string, Promise<VerifyOutcome>>()
  private readonly keyIds = new Map<string, number>()
  private readonly signerResults = new Map<PathCertificate, boolean>()
  private readonly signersInProgress = new Set<PathCertificate>()
  private readonly certIds: Map<PathCertificate, number>

  constructor(
    private readonly pool: PathCertificate[],
    private readonly crls: ParsedCrl[],
    settings: Settings,
  ) {
    this.budget = new Budget(settings.deadline)
    this.certIds = new Map(pool.map((cert, i) => [cert, i]))
  }

  private keyId(cert: PathCertificate): number {
    const key = bytesKey(cert.spki)
    let id = this.keyIds.get(key)
    if (id === undefined) this.keyIds.set(key, (id = this.keyIds.size))
    return id
  }

  /** Whether `issuer`'s key verifies `cert`'s signature; memoised per certificate and key. */
  verifyEdge(cert: PathCertificate, issuer: PathCertificate): Promise<VerifyOutcome> {
    const key = `${this.certIds.get(cert)}:${this.keyId(issuer)}`
    let outcome = this.signatureCache.get(key)
    if (!outcome) {
      this.budget.spend('signatures')
      outcome = verifySignature(cert.scheme, issuer.spki, issuer.key, cert.tbs, cert.signature)
      this.signatureCache.set(key, outcome)
    }
    return outcome
  }

  async search(leaf: PathCertificate, anchors: Set<PathCertificate>, settings: Settings): Promise<ValidationResult> {
    const distances = distancesToAnchors(this.pool, anchors, settings.maxDepth)
    const edgeFailures: ValidationReason[] = []
    let firstFailure: ValidationResult | undefined
    let tooLong = false
    const candidates = new Map<PathCertificate, PathCertificate[]>()
    const walk = async (chain: PathCertificate[]): Promise<ValidationResult | undefined> => {
      const current = chain[chain.length - 1]
      let list = candidates.get(current)
      if (!list) candidates.set(current, (list = issuerCandidates(current, this.pool, anchors, settings.at)))
      for (const candidate of list) {
        this.budget.spend('steps')
        if (chain.includes(candidate)) continue
        const isAnchor = anchors.has(candidate)
        if (chain.length + 1 + (isAnchor ? 0 : (distances.get(candidate) ?? Infinity)) > settings.maxDepth) {
          tooLong ||= isAnchor || distances.has(candidate)
          continue
        }
        const outcome = await this.verifyEdge(current, candidate)
        if (outcome !== 'ok') {
          edgeFailures.push(reason(outcome === 'bad' ? 'BAD_SIGNATURE' : 'UNSUPPORTED_ALGORITHM', chain.length - 1))
          continue
        }
        const result = isAnchor ? await this.evaluate(chain, candidate, settings) : await walk([...chain, candidate])
        if (result?.valid) return result
        if (isAnchor) firstFailure ??= result
      }
      return undefined
    }
    let found: ValidationResult | undefined
    try {
      found = await walk([leaf])
    } catch (error) {
      if (!(error instanceof OutOfBudget) || !firstFailure) throw error
      // Out of time or work: the best attempt so far explains more than TIME_LIMIT alone.
      return { ...firstFailure, reasons: [...firstFailure.reasons, reason('TIME_LIMIT', undefined, error.message)] }
    }
    if (found) return found
    if (firstFailure) return firstFailure
    const reasons = edgeFailures.length ? dedupe(edgeFailures) : [reason('UNTRUSTED_ISSUER', 0)]
    if (tooLong) reasons.push(reason('PATH_TOO_LONG'))
    return { valid: false, reasons, path: [leaf.subject.dn.display] }
  }

  private async evaluate(chain: PathCertificate[], anchor: PathCertificate, settings: Settings): Promise<ValidationResult> {
    this.budget.spend('evaluations')
    const path = [...chain, anchor].map((cert) => cert.subject.dn.display)
    const reasons = processPath(chain, anchor, settings)
    if (reasons.length === 0 && settings.revocation) {
      const context = this.revocationContext(settings)
      for (let i = chain.length - 1; i >= 0 && reasons.length === 0; i--) {
        reasons.push(...(await revocationReasons(chain[i], i, [...chain.slice(i + 1), anchor], context)))
      }
    }
    return { valid: reasons.length === 0, reasons, path }
  }

  private revocationContext(settings: Settings): RevocationContext {
    return {
      crls: this.crls,
      settings,
      certificates: this.pool,
      verifyCrl: async (crl, signer) => {
        this.budget.spend('signatures')
        return (await verifySignature(crl.scheme, signer.spki, signer.key, crl.tbs, crl.signature)) === 'ok'
      },
      signerValid: (signer, anchor) => this.signerValid(signer, anchor, settings),
    }
  }

  /** RFC 5280 §6.3.3 (f): a CRL signer outside the path needs its own valid path to the same anchor. */
  private async signerValid(signer: PathCertificate, anchor: PathCertificate, settings: Settings): Promise<boolean> {
    const known = this.signerResults.get(signer)
    if (known !== undefined) return known
    // An indirect CRL issuer may cover its own certificate (PKITS 4.14.30): while its path is being
    // validated it is taken as valid for its own CRL, and the outer validation decides.
    if (this.signersInProgress.has(signer)) return true
    if (this.signersInProgress.size >= LIMITS.signerDepth) return false
    this.signersInProgress.add(signer)
    try {
      const signerSettings: Settings = { ...settings, keyUsage: [], extendedKeyUsage: [], expectedName: undefined, sign: false, ...ANY_POLICY_SETTINGS }
      const valid = (await this.search(signer, new Set([anchor]), signerSettings)).valid
      this.signerResults.set(signer, valid)
      return valid
    } finally {
      this.signersInProgress.delete(signer)
    }
  }
}

/** A CRL signer's path is checked for validity and revocation, not for the caller's policies. */
const ANY_POLICY_SETTINGS = { initialPolicySet: new Set([ANY_POLICY]), explicitPolicy: false, inhibitPolicyMapping: false, inhibitAnyPolicy: false }

function dedupe(reasons: ValidationReason[]): ValidationReason[] {
  const seen = new Set<string>()
  return reasons.filter((r) => !seen.has(`${r.code}:${r.certIndex}`) && seen.add(`${r.code}:${r.certIndex}`))
}
