import { Hono } from 'hono'
import { certificateListQuery, holdRequest, revokeRequest, serialParam } from '../../../core/contracts/certificates'
import { allow } from '../../lib/auth'
import { auditContext, currentUser, type AppEnv } from '../../lib/context'
import { valid } from '../../lib/validate'
import { createCertificatesExportRoutes } from './certificates.export' // exports
import { holdCertificate, releaseCertificate, revokeCertificate } from './certificates.actions'
import { certificateFile, getCertificate, searchCertificates } from './certificates.service'

const STAFF = ['clerk', 'supervisor', 'helpdesk', 'auditor', 'admin'] as const

/** The RA's registry of customs certificates: search and detail for staff; revoke, hold and release for supervisors. */
export function createCertificatesRoutes() {
  return new Hono<AppEnv>()
    .get('/', allow(...STAFF), valid('query', certificateListQuery), (c) =>
      c.json(searchCertificates({ db: c.get('deps').db, user: currentUser(c), query: c.req.valid('query'), now: c.get('deps').clock() })),
    )
    .route('/export', createCertificatesExportRoutes()) // exports
    .get('/:serial/download.cer', allow(...STAFF), valid('param', serialParam), (c) => {
      const file = certificateFile({ db: c.get('deps').db, user: currentUser(c), serialHex: c.req.valid('param').serial })
      return c.body(new Uint8Array(file.der), 200, {
        'Content-Type': 'application/pkix-cert',
        'Content-Disposition': `attachment; filename="${file.fileName}"`,
        'Cache-Control': 'private, no-store',
      })
    })
    .get('/:serial', allow(...STAFF), valid('param', serialParam), async (c) =>
      c.json(await getCertificate({ db: c.get('deps').db, user: currentUser(c), serialHex: c.req.valid('param').serial })),
    )
    .post('/:serial/revoke', allow('supervisor'), valid('param', serialParam), valid('json', revokeRequest), async (c) => {
      const body = c.req.valid('json')
      return c.json(await revokeCertificate({ deps: c.get('deps'), user: currentUser(c), serialHex: c.req.valid('param').serial, reason: body.reason, note: body.note, ctx: auditContext(c) }))
    })
    .post('/:serial/hold', allow('supervisor'), valid('param', serialParam), valid('json', holdRequest), async (c) =>
      c.json(await holdCertificate({ deps: c.get('deps'), user: currentUser(c), serialHex: c.req.valid('param').serial, note: c.req.valid('json').note, ctx: auditContext(c) })),
    )
    .post('/:serial/release', allow('supervisor'), valid('param', serialParam), valid('json', holdRequest), async (c) =>
      c.json(await releaseCertificate({ deps: c.get('deps'), user: currentUser(c), serialHex: c.req.valid('param').serial, note: c.req.valid('json').note, ctx: auditContext(c) })),
    )
}
