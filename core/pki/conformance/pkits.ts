import { validatePath } from '../validate/validate-path'
import type { ValidatePathOptions } from '../validate/validate-types'
import { outcome, skippedCase, summarise, type CaseOutcome, type SuiteSummary } from './suite-result'

/**
 * NIST PKITS 1.0.1 as BoringSSL lists it (pkits-tests.json): `certs` trust anchor first, leaf last;
 * every test checks revocation with the CRLs given. PKITS tests path validation (§6) only and breaks
 * issuance rules on purpose (non-critical basicConstraints, GeneralizedTime before 2050, negative
 * serials), so the strict profile is off. `files` maps 'certs/<name>.crt' and 'crls/<name>.crl' to DER.
 */
interface PkitsCase {
  title: string
  name: string
  should_validate: boolean
  certs: string[]
  crls: string[]
  initialPolicySet?: string
  initialExplicitPolicy?: boolean
  initialPolicyMappingInhibit?: boolean
  initialInhibitAnyPolicy?: boolean
}

/** All PKITS certificates are valid then, and the ones meant to be expired have expired by then. */
export const PKITS_TIME = new Date('2012-01-01T00:00:00Z')

/** Features we deliberately do not support; matched against the test title. */
export const PKITS_SKIPS: [RegExp, string][] = [[/\bDSA\b/, 'DSA signatures are not supported (WebCrypto has no DSA; FIPS 186-5 withdrew it)']]

const POLICY_OIDS: Record<string, string> = { anyPolicy: '2.5.29.32.0' }
for (let i = 1; i <= 6; i++) POLICY_OIDS[`NIST-test-policy-${i}`] = `2.16.840.1.101.3.2.1.48.${i}`

function file(files: Map<string, Uint8Array>, path: string): Uint8Array {
  return files.get(path) ?? new Uint8Array()
}

function options(c: PkitsCase, files: Map<string, Uint8Array>): ValidatePathOptions {
  const certs = c.certs.map((name) => file(files, `certs/${name}.crt`))
  const policySet = c.initialPolicySet?.split(',').map((name) => POLICY_OIDS[name.trim()] ?? name.trim())
  return {
    leaf: certs[certs.length - 1],
    anchors: [certs[0]],
    intermediates: certs.slice(1, -1),
    crls: c.crls.map((name) => file(files, `crls/${name}.crl`)),
    at: PKITS_TIME,
    policy: {
      initialPolicySet: policySet,
      explicitPolicy: c.initialExplicitPolicy === true,
      inhibitPolicyMapping: c.initialPolicyMappingInhibit === true,
      inhibitAnyPolicy: c.initialInhibitAnyPolicy === true,
    },
    strict: false,
    checkAnchor: true,
    timeLimitMs: 2000,
  }
}

export async function runPkits(json: string, files: Map<string, Uint8Array>): Promise<SuiteSummary & { cases: CaseOutcome[] }> {
  const tests = JSON.parse(json) as PkitsCase[]
  const cases: CaseOutcome[] = []
  for (const c of tests) {
    const skip = PKITS_SKIPS.find(([pattern]) => pattern.test(c.title))
    const started = performance.now()
    const result = await validatePath(options(c, files))
    const ms = performance.now() - started
    cases.push(skip ? skippedCase(c.title, c.should_validate, result, ms, skip[1]) : outcome(c.title, c.should_validate, result, ms))
  }
  return { ...summarise(cases, 4000), cases }
}
