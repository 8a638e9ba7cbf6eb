import { Hono } from 'hono'
import { cardCheckRequest, existsQuery, registerRequest } from '../../../core/contracts/portal'
import { allow } from '../../lib/auth'
import { auditContext, type AppEnv } from '../../lib/context'
import { valid } from '../../lib/validate'
import { accountExists, checkRegistrationCard, registerAccount } from './portal-accounts.service'

/** Account registration (憑證帳號註冊, seed 001): public, each step proven by the card. */
export function createPortalAccountsRoutes() {
  return new Hono<AppEnv>()
    .post('/card-check', allow('public'), valid('json', cardCheckRequest), async (c) =>
      c.json(await checkRegistrationCard({ deps: c.get('deps'), body: c.req.valid('json'), ctx: auditContext(c) })),
    )
    .get('/exists', allow('public'), valid('query', existsQuery), (c) => {
      const q = c.req.valid('query')
      return c.json({ exists: accountExists({ deps: c.get('deps'), ...q, ctx: auditContext(c) }) })
    })
    .post('/', allow('public'), valid('json', registerRequest), async (c) =>
      c.json(await registerAccount({ deps: c.get('deps'), body: c.req.valid('json'), ctx: auditContext(c) }), 201),
    )
}
