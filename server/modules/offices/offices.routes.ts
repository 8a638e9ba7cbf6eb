import { Hono } from 'hono'
import { allow } from '../../lib/auth'
import type { AppEnv } from '../../lib/context'
import { listOffices } from './offices.repo'

export function createOfficesRoutes() {
  return new Hono<AppEnv>().get('/', allow('staff'), (c) => c.json(listOffices(c.get('deps').db)))
}
