import { Hono } from 'hono'
import { registrationListQuery, registrationRequest } from '../../../core/contracts/registrations'
import { allow } from '../../lib/auth'
import { auditContext, currentPortalUser, type AppEnv } from '../../lib/context'
import { idParam, valid } from '../../lib/validate'
import { deleteRegistration, registerSigningCertificate, searchRegistrations } from './registrations.service'

/** 通關憑證註冊 and 通關憑證查詢 (seed 001): signing certificates of the signed-in portal account. */
export function createRegistrationsRoutes() {
  return new Hono<AppEnv>()
    .get('/', allow('portal'), valid('query', registrationListQuery), (c) =>
      c.json(searchRegistrations({ db: c.get('deps').db, user: currentPortalUser(c), query: c.req.valid('query') })),
    )
    .post('/', allow('portal'), valid('json', registrationRequest), async (c) =>
      c.json(await registerSigningCertificate({ deps: c.get('deps'), user: currentPortalUser(c), body: c.req.valid('json'), ctx: auditContext(c) }), 201),
    )
    .delete('/:id', allow('portal'), valid('param', idParam), (c) => {
      deleteRegistration({ db: c.get('deps').db, user: currentPortalUser(c), id: c.req.valid('param').id, ctx: auditContext(c) })
      return c.body(null, 204)
    })
}
