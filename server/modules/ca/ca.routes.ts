import { Hono } from 'hono'
import { allow } from '../../lib/auth'
import type { AppEnv } from '../../lib/context'
import { currentCrl } from './ca.service'

/** GET /crl/<ca-name>.crl: the CA's current CRL as DER, where relying parties (and our certificates) look for it. */
export function createCrlRoutes() {
  return new Hono<AppEnv>().get('/:file{[a-z0-9-]+\\.crl}', allow('public'), async (c) => {
    const { db, ca, clock } = c.get('deps')
    const crl = await currentCrl({ db, settings: ca, caName: c.req.param('file').replace(/\.crl$/, ''), now: clock() })
    const maxAge = Math.max(0, Math.floor((Date.parse(crl.nextUpdate) - clock().getTime()) / 2000))
    return c.body(new Uint8Array(crl.der), 200, {
      'Content-Type': 'application/pkix-crl',
      'Cache-Control': `public, max-age=${maxAge}`,
      'Last-Modified': new Date(crl.thisUpdate).toUTCString(),
    })
  })
}
