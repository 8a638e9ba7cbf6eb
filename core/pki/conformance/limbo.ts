import { validatePath } from '../validate/validate-path'
import type { ValidatePathOptions } from '../validate/validate-types'
import { pemBlocks } from './pem'
import { outcome, skippedCase, summarise, type CaseOutcome, type SuiteSummary } from './suite-result'

/**
 * C2SP x509-limbo (limbo-handwritten.json, schema version 1). Every case runs with the strict
 * profile and anchor checks on, as the suite expects of a path validator; peer names, EKU, key
 * usage and max_chain_depth map onto validatePath's options.
 *
 * The profile is the policy the suite says a case tests: x509-limbo namespaces its cases by policy
 * (`webpki::` cases test the CA/B Forum Web PKI rules, the other namespaces RFC 5280), and its conflicts_with
 * pairs are the same inputs judged under the two policies. So `webpki::` cases run validatePath's 'webpki'
 * profile and the rest 'rfc5280', as a caller chooses the profile by what it validates. This reads the
 * namespace, a category of many cases, the way x509test's harness reads its ok-/xf- file prefixes; no single
 * case is treated specially.
 * Known disagreements: limbo's leaf builder writes CN=example.com whatever the SAN holds, so a few
 * webpki:: SUCCESS cases break BR 7.1.4.3, which its webpki::cn:: cases enforce.
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

/**
 * Features we deliberately do not support, with the reason printed by the harness. A skipped case
 * still runs (the report says how it went) but never counts as agreeing.
 */
export const LIMBO_SKIPS: Record<string, string> = {
  'pedantic-rfc5280':
    'a trust anchor is trusted for its name and key: its missing AKI is not held against it, as cve::cve-2024-0567 (a cross-signed anchor without AKI, expected valid) requires',
}

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
    profile: c.id.startsWith('webpki::') ? 'webpki' : 'rfc5280',
  }
}

function skipReason(c: LimboCase): string | undefined {
  const feature = c.features?.find((f) => LIMBO_SKIPS[f])
  return feature ? LIMBO_SKIPS[feature] : undefined
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
