import { Hono } from 'hono'
import { z } from 'zod'
import { accountSearchQuery, checklistRequest, decideEmailChangeRequest, emailChangeListQuery, emailChangeRequest, resetPasswordRequest } from '../../../core/contracts/helpdesk'
import { allow } from '../../lib/auth'
import { auditContext, currentUser, type AppEnv } from '../../lib/context'
import { valid } from '../../lib/validate'
import {
  decideEmailChangeRequest as decideEmailChange, getHelpdeskAccount, listEmailChangeRequests, requestEmailChange, resetPasswordWithToken, searchHelpdeskAccounts, sendResetLink, setTemporaryPassword, unlockAccount,
} from './helpdesk.service'

const idParam = z.object({ id: z.coerce.number({ message: 'invalidType' }).int().positive() })

/** The helpdesk's portal-account tools (issue 7 §3); the second approver of an e-mail change may be a supervisor. */
export function createHelpdeskRoutes() {
  return new Hono<AppEnv>()
    .get('/accounts', allow('helpdesk', 'supervisor'), valid('query', accountSearchQuery), (c) => c.json({ items: searchHelpdeskAccounts({ deps: c.get('deps'), q: c.req.valid('query').q }) }))
    .get('/accounts/:id', allow('helpdesk', 'supervisor'), valid('param', idParam), (c) => c.json(getHelpdeskAccount({ deps: c.get('deps'), id: c.req.valid('param').id })))
    .post('/accounts/:id/reset-link', allow('helpdesk'), valid('param', idParam), valid('json', checklistRequest), (c) =>
      c.json(sendResetLink({ deps: c.get('deps'), user: currentUser(c), id: c.req.valid('param').id, checklist: c.req.valid('json').checklist, ctx: auditContext(c) })),
    )
    .post('/accounts/:id/temporary-password', allow('helpdesk'), valid('param', idParam), valid('json', checklistRequest), async (c) =>
      c.json(await setTemporaryPassword({ deps: c.get('deps'), id: c.req.valid('param').id, checklist: c.req.valid('json').checklist, ctx: auditContext(c) })),
    )
    .post('/accounts/:id/unlock', allow('helpdesk'), valid('param', idParam), (c) => c.json(unlockAccount({ deps: c.get('deps'), id: c.req.valid('param').id, ctx: auditContext(c) })))
    .post('/accounts/:id/email-change', allow('helpdesk'), valid('param', idParam), valid('json', emailChangeRequest), (c) =>
      c.json(requestEmailChange({ deps: c.get('deps'), user: currentUser(c), id: c.req.valid('param').id, ...c.req.valid('json'), ctx: auditContext(c) }), 201),
    )
    .get('/email-changes', allow('helpdesk', 'supervisor'), valid('query', emailChangeListQuery), (c) => c.json(listEmailChangeRequests({ deps: c.get('deps'), query: c.req.valid('query') })))
    .post('/email-changes/:id/decide', allow('helpdesk', 'supervisor'), valid('param', idParam), valid('json', decideEmailChangeRequest), (c) =>
      c.json(decideEmailChange({ deps: c.get('deps'), user: currentUser(c), id: c.req.valid('param').id, ...c.req.valid('json'), ctx: auditContext(c) })),
    )
}

/** The portal's end of a reset link (public: the link's token is the proof). */
export function createPasswordResetRoutes() {
  return new Hono<AppEnv>().post('/', allow('public'), valid('json', resetPasswordRequest), async (c) =>
    c.json(await resetPasswordWithToken({ deps: c.get('deps'), ...c.req.valid('json'), ctx: auditContext(c) })),
  )
}
