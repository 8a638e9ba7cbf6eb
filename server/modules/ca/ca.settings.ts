import type { Env } from '../../env'
import { resolveCaSecret } from '../../lib/ca-secret'

/** What the CA service needs from the environment, resolved once at start. */
export interface CaSettings {
  secret: string
  wrapIterations: number
  /** e.g. http://localhost:3000: CRLs are published at <crlBaseUrl>/crl/<ca-name>.crl */
  crlBaseUrl: string
  crlValidityHours: number
}

export function caSettings(env: Env): CaSettings {
  return { secret: resolveCaSecret(env), wrapIterations: env.CA_KEY_WRAP_ITERATIONS, crlBaseUrl: env.publicUrl, crlValidityHours: env.CRL_VALIDITY_HOURS }
}
