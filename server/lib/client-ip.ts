import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'

/** The client's address: the socket's, or X-Forwarded-For's first hop when a trusted proxy sits in front. */
export function clientIp(c: Context, trustProxy: boolean): string | null {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim()
    if (forwarded) return forwarded
  }
  // app.request() in tests and benchmarks has no socket
  if (!(c.env as { incoming?: unknown } | undefined)?.incoming) return null
  return getConnInfo(c).remote.address ?? null
}
