import { createMiddleware } from 'hono/factory'
import type { Env } from '../env'
import type { AppContext, AppEnv } from './context'

/** A year, with the subdomains: what browsers' preload lists ask for. */
export const HSTS_VALUE = 'max-age=31536000; includeSubDomains'

/**
 * Whether this request reached us over TLS: always when COOKIE_SECURE says the server is only served over TLS,
 * or when a trusted proxy (TRUST_PROXY) says it took the request over https. Secure cookies and HSTS both
 * follow this one answer, so a deployment never gets one without the other.
 */
export function reachedOverTls(c: AppContext, env: Pick<Env, 'COOKIE_SECURE' | 'TRUST_PROXY'>): boolean {
  return env.COOKIE_SECURE || (env.TRUST_PROXY && c.req.header('x-forwarded-proto') === 'https')
}

/** Strict-Transport-Security on every answer to a request that came over TLS, error answers included. */
export const strictTransportSecurity = createMiddleware<AppEnv>(async (c, next) => {
  await next()
  if (reachedOverTls(c, c.get('deps').env)) c.res.headers.set('Strict-Transport-Security', HSTS_VALUE)
})
