import { Hono } from 'hono'
import { allow } from '../../lib/auth'
import { currentUser, type AppEnv } from '../../lib/context'
import { getDashboard } from './dashboard.service'

export function createDashboardRoutes() {
  return new Hono<AppEnv>().get('/', allow('staff'), (c) => {
    const { db, clock } = c.get('deps')
    return c.json(getDashboard({ db, actor: currentUser(c), now: clock() }))
  })
}
