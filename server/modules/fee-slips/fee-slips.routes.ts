import { Hono } from 'hono'
import { slipNoParam } from '../../../core/contracts/fee-slips'
import { allow } from '../../lib/auth'
import { currentUser, type AppEnv } from '../../lib/context'
import { valid } from '../../lib/validate'
import { createFeeSlipsExportRoutes } from './fee-slips.export' // exports
import { feeSlipPdfDownload, getFeeSlip } from './fee-slips.service'

export function createFeeSlipsRoutes() {
  return new Hono<AppEnv>()
    .route('/export', createFeeSlipsExportRoutes()) // exports
    .get('/:slipNo', allow('staff'), valid('param', slipNoParam), (c) =>
      c.json(getFeeSlip({ db: c.get('deps').db, user: currentUser(c), slipNo: c.req.valid('param').slipNo })),
    )
    .get('/:slipNo/pdf', allow('staff'), valid('param', slipNoParam), async (c) => {
      const { db, env } = c.get('deps')
      const pdf = await feeSlipPdfDownload(getFeeSlip({ db, user: currentUser(c), slipNo: c.req.valid('param').slipNo }), env)
      return c.body(pdf.body, 200, pdf.headers)
    })
}
