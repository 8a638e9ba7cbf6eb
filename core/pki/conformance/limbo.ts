import { validatePath } from '../validate/validate-path'
import type { ValidatePathOptions } from '../validate/validate-types'
import { pemBlocks } from './pem'
import { outcome, skippedCase, summarise, type CaseOutcome, type SuiteSummary } from './suite-result'

/**
 * C2SP x509-limbo (limbo-handwritten.json, schema version 1). Every case runs with the strict
 * profile and anchor checks on, as the suite expects of a path validator; peer names, EKU, key
 * usage and max_chain_depth map onto validatePath's options.
 */
interface LimboCase {
  id: string
  features?: string[]
  conflicts_with?: string[]
  validation_kind: 'SERVER' | 'CLIENT'
  trusted_certs: string[]
  untrusted_intermediates: string[]
  peer_certificate: string
  validation_time: string | null
  key_usage: string[]
  extended_key_usage: string[]
  expected_result: 'SUCCESS' | 'FAILURE'
  expected_peer_name: { kind: 'DNS' | 'IP' | 'RFC822'; value: string } | null
  max_chain_depth: number | null
  crls: string[]
}

/** Features we deliberately do not support, with the reason printed by the harness. */
export const LIMBO_SKIPS: Record<string, string> = {
  'pedantic-public-suffix-wildcard': 'no public suffix list is bundled: "*.co.uk" is not known to be a public suffix wildcard',
  'pedantic-webpki-eku': 'CA/B Forum EKU rules (no EKU in roots, never critical, no anyExtendedKeyUsage beside others) go beyond RFC 5280, and real GPKI certificates carry a critical EKU',
  'pedantic-rfc5280': 'a trust anchor is trusted for its name and key; its missing AKI is not held against it (cve-2024-0567 needs the same)',
}
/** Groups of cases, by id prefix, for a rule we deliberately do not apply. */
export const LIMBO_GROUP_SKIPS: Record<string, string> = {
  'webpki::cn::': 'CA/B Forum BR 7.1.4.3 (CN must repeat a SAN entry): identities are read from subjectAltName only, and x509-limbo\'s rfc5280:: cases put CNs outside the SAN',
}
/** x509-limbo marks these webpki cases as conflicting with an rfc5280 one; we follow RFC 5280. */
const CONFLICT_SKIP = 'conflicts with its rfc5280:: twin (conflicts_with); we follow RFC 5280'

export const LIMBO_TIME_LIMIT_MS = 2000

const KEY_USAGE_NAMES: Record<string, string> = { contentCommitment: 'nonRepudiation' }

function options(c: LimboCase): ValidatePathOptions {
  const [leaf] = pemBlocks(c.peer_certificate)
  const peer = c.expected_peer_name
  return {
    leaf: leaf ?? new Uint8Array(),
    anchors: c.trusted_certs.flatMap(pemBlocks),
    intermediates: c.untrusted_intermediates.flatMap(pemBlocks),
    crls: c.crls.length ? c.crls.flatMap(pemBlocks) : undefined,
    at: c.validation_time ? new Date(c.validation_time) : undefined,
    keyUsage: c.key_usage.map((u) => KEY_USAGE_NAMES[u] ?? u) as ValidatePathOptions['keyUsage'],
    extendedKeyUsage: c.extended_key_usage,
    expectedName: peer ? { [peer.kind === 'DNS' ? 'dns' : peer.kind === 'IP' ? 'ip' : 'email']: peer.value } : undefined,
    maxIntermediates: c.max_chain_depth ?? undefined,
    timeLimitMs: LIMBO_TIME_LIMIT_MS,
    strict: true,
    checkAnchor: true,
  }
}

function skipReason(c: LimboCase): string | undefined {
  const feature = c.features?.find((f) => LIMBO_SKIPS[f])
  if (feature) return LIMBO_SKIPS[feature]
  const group = Object.keys(LIMBO_GROUP_SKIPS).find((prefix) => c.id.startsWith(prefix))
  if (group) return LIMBO_GROUP_SKIPS[group]
  if (c.id.startsWith('webpki::') && c.conflicts_with?.some((id) => id.startsWith('rfc5280::'))) return CONFLICT_SKIP
  return undefined
}

export async function runLimbo(json: string): Promise<SuiteSummary & { cases: CaseOutcome[] }> {
  const { testcases } = JSON.parse(json) as { testcases: LimboCase[] }
  const cases: CaseOutcome[] = []
  for (const c of testcases) {
    const expected = c.expected_result === 'SUCCESS'
    const skip = skipReason(c)
    const started = performance.now()
    const result = await validatePath(options(c))
    const ms = performance.now() - started
    cases.push(skip ? skippedCase(c.id, expected, result, ms, skip) : outcome(c.id, expected, result, ms))
  }
  return { ...summarise(cases, LIMBO_TIME_LIMIT_MS * 2), cases }
}
