import { Hono } from 'hono'
import { slipNoParam } from '../../../core/contracts/fee-slips'
import { allow } from '../../lib/auth'
import { currentUser, type AppEnv } from '../../lib/context'
import { valid } from '../../lib/validate'
import { getFeeSlip } from './fee-slips.service'

/** Fee slips by number, for the print view: staff of the slip's office, and headquarters. */
export function createFeeSlipsRoutes() {
  return new Hono<AppEnv>().get('/:slipNo', allow('staff'), valid('param', slipNoParam), (c) =>
    c.json(getFeeSlip({ db: c.get('deps').db, user: currentUser(c), slipNo: c.req.valid('param').slipNo })),
  )
}
