import { Hono } from 'hono'
import { mailListQuery } from '../../../core/contracts/mail'
import { allow } from '../../lib/auth'
import { auditContext, currentUser, type AppEnv } from '../../lib/context'
import { idParam, valid } from '../../lib/validate'
import { getMail, retryMail, searchMail } from './mail.service'

/** The admin's view of the mail outbox (server/lib/mail): list, read, and send a failed mail again. */
export function createMailRoutes() {
  return new Hono<AppEnv>()
    .get('/', allow('admin'), valid('query', mailListQuery), (c) => c.json(searchMail({ db: c.get('deps').db, actor: currentUser(c), query: c.req.valid('query') })))
    .get('/:id', allow('admin'), valid('param', idParam), (c) => c.json(getMail({ db: c.get('deps').db, actor: currentUser(c), id: c.req.valid('param').id })))
    .post('/:id/retry', allow('admin'), valid('param', idParam), (c) =>
      c.json(retryMail({ db: c.get('deps').db, actor: currentUser(c), id: c.req.valid('param').id, ctx: auditContext(c) })),
    )
}
