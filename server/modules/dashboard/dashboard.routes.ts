import { Hono } from 'hono'
import { dashboardQuery } from '../../../core/contracts/dashboard'
import { allow } from '../../lib/auth'
import { currentUser, type AppEnv } from '../../lib/context'
import { valid } from '../../lib/validate'
import { getDashboard } from './dashboard.service'

export function createDashboardRoutes() {
  return new Hono<AppEnv>().get('/', allow('staff'), valid('query', dashboardQuery), (c) => {
    const { db, clock } = c.get('deps')
    return c.json(getDashboard({ db, actor: currentUser(c), now: clock(), query: c.req.valid('query') }))
  })
}
