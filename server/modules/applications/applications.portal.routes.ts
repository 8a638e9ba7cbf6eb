import { Hono } from 'hono'
import { onlineApplicationRequest } from '../../../core/contracts/applications'
import { contactChangeRequest, portalApplicationListQuery } from '../../../core/contracts/applications-portal'
import { allow } from '../../lib/auth'
import { auditContext, currentPortalUser, type AppEnv } from '../../lib/context'
import { idParam, valid } from '../../lib/validate'
import { feeSlipPdfDownload } from '../fee-slips/fee-slips.service'
import { changeContact } from './applications.contact'
import { getOwnApplication, listOwnApplications, ownFeeSlip, submitOwnApplication } from './applications.portal'

/** /api/portal/applications: a signed-in company's own DC02 applications (seed 002). */
export function createApplicationsPortalRoutes() {
  return new Hono<AppEnv>()
    .get('/', allow('portal-company'), valid('query', portalApplicationListQuery), (c) =>
      c.json(listOwnApplications({ db: c.get('deps').db, user: currentPortalUser(c), query: c.req.valid('query') })),
    )
    .post('/', allow('portal-company'), valid('json', onlineApplicationRequest), async (c) =>
      c.json(await submitOwnApplication({ deps: c.get('deps'), user: currentPortalUser(c), body: c.req.valid('json'), ctx: auditContext(c) }), 201),
    )
    .get('/:id', allow('portal-company'), valid('param', idParam), (c) =>
      c.json(getOwnApplication({ db: c.get('deps').db, user: currentPortalUser(c), id: c.req.valid('param').id })),
    )
    .patch('/:id/contact', allow('portal-company'), valid('param', idParam), valid('json', contactChangeRequest), (c) =>
      c.json(changeContact({ db: c.get('deps').db, user: currentPortalUser(c), id: c.req.valid('param').id, input: c.req.valid('json'), ctx: auditContext(c) })),
    )
    .get('/:id/fee-slip', allow('portal-company'), valid('param', idParam), (c) =>
      c.json(ownFeeSlip({ db: c.get('deps').db, user: currentPortalUser(c), id: c.req.valid('param').id })),
    )
    .get('/:id/fee-slip/pdf', allow('portal-company'), valid('param', idParam), async (c) => {
      const { db, env } = c.get('deps')
      const pdf = await feeSlipPdfDownload(ownFeeSlip({ db, user: currentPortalUser(c), id: c.req.valid('param').id }), env)
      return c.body(pdf.body, 200, pdf.headers)
    })
}
