import { PkiError } from '../errors'
import { OutOfBudget } from './budget'
import { parsePathCertificate, type PathCertificate } from './certificate'
import { parseCrl, type ParsedCrl } from './crl'
import { bytesKey } from './der-strict'
import { PathSearch } from './path-search'
import { reason, type ValidationReason } from './reasons'
import { certificateChecks } from './certificate-checks'
import { settingsFrom, type Settings } from './settings'
import { leafChecks } from './usage-checks'
import { checkPublicKey } from './signature'
import type { ValidatePathOptions, ValidationResult } from './validate-types'

/**
 * Strict RFC 5280 certification path validation (§6.1 and §6.3) with its own path builder.
 * pkijs's chain engine is not used: it skips pathLenConstraint, accepts unknown critical
 * extensions and can be made to loop (STACK.md trap 4). Never throws for bad input: whatever is
 * wrong becomes a reason, and the time limit (default 2 s) bounds every input.
 */
/**
 * Decoded inputs by buffer: a relying party passes the same anchors and CRLs (a MOICA CRL of
 * 400,000 entries takes about 0.8 s to decode) to every validation. Null marks an unreadable one.
 */
const certificateCache = new WeakMap<Uint8Array, PathCertificate | null>()
const crlCache = new WeakMap<Uint8Array, ParsedCrl | null>()

function cached<T>(cache: WeakMap<Uint8Array, T | null>, der: Uint8Array, parse: (der: Uint8Array) => T): T | null {
  let value = cache.get(der)
  if (value === undefined) {
    try {
      value = parse(der)
    } catch {
      value = null
    }
    cache.set(der, value)
  }
  return value
}

function parseAll(list: Uint8Array[]): { certs: PathCertificate[]; failures: number } {
  const parsed = list.map((der) => cached(certificateCache, der, parsePathCertificate))
  return { certs: parsed.filter((cert) => cert !== null), failures: parsed.filter((cert) => cert === null).length }
}

/** An unreadable CRL covers nothing; if nothing else does, the result is CRL_MISSING. */
function parseCrls(list: Uint8Array[]): ParsedCrl[] {
  return list.map((der) => cached(crlCache, der, parseCrl)).filter((crl) => crl !== null)
}

async function leafKeyReasons(leaf: PathCertificate): Promise<ValidationReason[]> {
  const outcome = await checkPublicKey(leaf.spki, leaf.key)
  if (outcome === 'ok') return []
  return [reason(outcome === 'bad' ? 'MALFORMED' : 'UNSUPPORTED_ALGORITHM', 0, `unusable ${leaf.key.algorithm} public key`)]
}

/** The leaf is itself a trust anchor: nothing to chain, but it must still be usable as the leaf. */
function trustedLeaf(leaf: PathCertificate, settings: Settings): ValidationResult {
  const reasons = [...certificateChecks(leaf, 0, settings, false), ...leafChecks(leaf, settings)]
  return { valid: reasons.length === 0, reasons, path: [leaf.subject.dn.display] }
}

export async function validatePath(options: ValidatePathOptions): Promise<ValidationResult> {
  let leaf: PathCertificate
  try {
    leaf = parsePathCertificate(options.leaf)
  } catch (error) {
    return { valid: false, reasons: [reason('MALFORMED', 0, error instanceof PkiError ? (error.detail ?? error.code) : undefined)], path: [] }
  }
  const anchors = parseAll(options.anchors)
  const anchorKeys = new Set(anchors.certs.map((cert) => bytesKey(cert.der)))
  if (anchorKeys.has(bytesKey(leaf.der))) return trustedLeaf(leaf, settingsFrom(options, Date.now()))
  // An intermediate that is also an anchor is the anchor (the path ends there); duplicates go.
  const parsed = parseAll(options.intermediates ?? [])
  const seen = new Set([...anchorKeys, bytesKey(leaf.der)])
  const intermediates = parsed.certs.filter((cert) => !seen.has(bytesKey(cert.der)) && seen.add(bytesKey(cert.der)))
  const pool = [leaf, ...intermediates, ...anchors.certs]
  const crls = parseCrls(options.crls ?? [])
  // The clock starts once the inputs are decoded: decoding is linear in their size, the search is not.
  const settings = settingsFrom(options, Date.now())
  const search = new PathSearch(pool, crls, settings)
  try {
    const keyReasons = await leafKeyReasons(leaf)
    const result = await search.search(leaf, new Set(anchors.certs), settings)
    if (keyReasons.length) return { valid: false, reasons: [...keyReasons, ...result.reasons], path: result.path }
    if (!result.valid && result.reasons.some((r) => r.code === 'UNTRUSTED_ISSUER')) {
      // A certificate that could not be read may be the missing link: say so.
      if (anchors.failures) result.reasons.push(reason('MALFORMED', undefined, `${anchors.failures} trust anchor(s) could not be read`))
      if (parsed.failures) result.reasons.push(reason('MALFORMED', undefined, `${parsed.failures} intermediate(s) could not be read`))
    }
    return result
  } catch (error) {
    if (error instanceof OutOfBudget) return { valid: false, reasons: [reason('TIME_LIMIT', undefined, error.message)], path: [leaf.subject.dn.display] }
    return { valid: false, reasons: [reason('MALFORMED', undefined, error instanceof Error ? error.message : String(error))], path: [leaf.subject.dn.display] }
  }
}
