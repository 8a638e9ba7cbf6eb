import type { KeyUsage } from '../extension-decoders'
import { extendedKeyUsageNames } from '../oids'
import { ANY_POLICY } from './policy-information'
import type { ValidatePathOptions } from './validate-types'

/** validatePath's options with every default applied, as the checks read them. */
export interface Settings {
  at: number
  strict: boolean
  /** the CA/B Forum TLS server profile (webpki-profile.ts) */
  webpki: boolean
  checkAnchor: boolean
  minRsaBits: number
  allowSha1: boolean
  maxDepth: number
  maxIntermediates?: number
  keyUsage: KeyUsage[]
  sign: boolean
  /** OIDs */
  extendedKeyUsage: string[]
  initialPolicySet: Set<string>
  explicitPolicy: boolean
  inhibitPolicyMapping: boolean
  inhibitAnyPolicy: boolean
  expectedName?: { dns?: string; ip?: string; email?: string }
  revocation: boolean
  deadline: number
}

/** The builder never goes deeper than this, whatever the caller asks (x509-limbo builds chains to explode builders). */
export const MAX_DEPTH = 8
export const DEFAULT_TIME_LIMIT_MS = 2000

const EKU_BY_NAME = Object.fromEntries(Object.entries(extendedKeyUsageNames).map(([oid, name]) => [name, oid]))

export function settingsFrom(options: ValidatePathOptions, now: number): Settings {
  const policySet = options.requiredPolicy ? [options.requiredPolicy] : (options.policy?.initialPolicySet ?? [ANY_POLICY])
  const keyUsage = [...(options.keyUsage ?? [])]
  if (options.purpose === 'sign' && !keyUsage.includes('digitalSignature')) keyUsage.push('digitalSignature')
  const webpki = options.profile === 'webpki'
  // BR 7.1.2.7.10: a TLS server certificate is for serverAuth, whatever else the caller did not say.
  const extendedKeyUsage = options.extendedKeyUsage?.length ? options.extendedKeyUsage : webpki ? ['serverAuth'] : []
  return {
    // RFC 5280 times have whole seconds: notAfter 00:00:00 holds until 00:00:00.999.
    at: Math.floor((options.at ?? new Date(now)).getTime() / 1000) * 1000,
    strict: options.strict ?? true,
    webpki,
    checkAnchor: options.checkAnchor ?? false,
    minRsaBits: options.minRsaBits ?? 2048,
    allowSha1: options.allowSha1 ?? false,
    maxDepth: Math.max(1, Math.min(MAX_DEPTH, options.maxDepth ?? MAX_DEPTH)),
    maxIntermediates: options.maxIntermediates,
    keyUsage,
    sign: options.purpose === 'sign',
    extendedKeyUsage: extendedKeyUsage.map((eku) => EKU_BY_NAME[eku] ?? eku),
    initialPolicySet: new Set(policySet.length ? policySet : [ANY_POLICY]),
    explicitPolicy: options.requiredPolicy !== undefined || options.policy?.explicitPolicy === true,
    inhibitPolicyMapping: options.policy?.inhibitPolicyMapping === true,
    inhibitAnyPolicy: options.policy?.inhibitAnyPolicy === true,
    expectedName: options.expectedName,
    revocation: options.crls !== undefined,
    deadline: now + (options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS),
  }
}
