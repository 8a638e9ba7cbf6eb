import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'

/**
 * The socket's own limits, tighter than Node's defaults (60 s for the headers, 5 minutes a request, checked every
 * 30 s): a client that sends its headers a byte at a time (slowloris) is answered 408 and cut off after 10 s, and
 * a request, body included, may take 2 minutes (a 10 MB scan over a slow line). Bodies are capped by the app's
 * body limits; @hono/node-server then drains at most 64 MB of what is left, for half a second, and closes.
 */
export const HTTP_LIMITS = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 120_000,
  keepAliveTimeoutMs: 5_000,
  /** how often Node looks for connections over those limits */
  checkIntervalMs: 1_000,
} as const

/** Serves the app with those limits: `npm start`, and the wire tests (server/security). */
export function serveApp(app: { fetch: (request: Request) => Response | Promise<Response> }, opts: { port: number; hostname?: string }, onListening?: (info: AddressInfo) => void): Server {
  const server = serve(
    {
      fetch: app.fetch,
      port: opts.port,
      hostname: opts.hostname,
      serverOptions: { headersTimeout: HTTP_LIMITS.headersTimeoutMs, requestTimeout: HTTP_LIMITS.requestTimeoutMs, connectionsCheckingInterval: HTTP_LIMITS.checkIntervalMs },
    },
    onListening,
  ) as Server
  server.keepAliveTimeout = HTTP_LIMITS.keepAliveTimeoutMs
  return server
}
