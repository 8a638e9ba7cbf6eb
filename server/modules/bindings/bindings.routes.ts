import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { z } from 'zod'
import { bindCardRequest, bindingCardKindField, bindingListQuery, confirmBindingRequest, rejectBindingRequest } from '../../../core/contracts/bindings'
import { AppError } from '../../../core/errors'
import { allow } from '../../lib/auth'
import { auditContext, currentPortalUser, currentUser, type AppContext, type AppEnv } from '../../lib/context'
import { MAX_SCAN_BYTES } from '../../lib/uploads'
import { valid } from '../../lib/validate'
import { bindCard, confirmBinding, listBindingRequests, readBindingForm, rejectBinding, submitBinding } from './bindings.service'

/** The upload path sets its own body limit (10 MB scans); app.ts exempts it from the 1 MB default. */
export const BINDING_UPLOAD_PATH = '/api/portal/bindings'
const uploadLimit = bodyLimit({ maxSize: MAX_SCAN_BYTES + 64 * 1024, onError: () => { throw new AppError('PAYLOAD_TOO_LARGE', { params: { limit: '10 MB' } }) } })
const idParam = z.object({ id: z.coerce.number({ message: 'invalidType' }).int().positive() })

async function formUpload(c: AppContext): Promise<{ file: File; cardKind: unknown }> {
  const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>)
  if (!(form.file instanceof File)) throw new AppError('VALIDATION_FAILED', { fieldErrors: { file: 'required' } })
  return { file: form.file, cardKind: form.cardKind }
}

/** The holder's side (seed 004): upload the sealed form, follow its state, bind the card with the mailed code. */
export function createPortalBindingsRoutes() {
  return new Hono<AppEnv>()
    .post('/', allow('portal'), uploadLimit, async (c) => {
      const { file, cardKind } = await formUpload(c)
      const kind = bindingCardKindField.safeParse(cardKind)
      if (!kind.success) throw new AppError('VALIDATION_FAILED', { fieldErrors: { cardKind: cardKind ? 'invalidOption' : 'required' } })
      const bytes = new Uint8Array(await file.arrayBuffer())
      return c.json(await submitBinding({ deps: c.get('deps'), user: currentPortalUser(c), cardKind: kind.data, fileName: file.name, bytes, ctx: auditContext(c) }), 201)
    })
    .get('/', allow('portal'), valid('query', bindingListQuery), (c) => c.json(listBindingRequests({ deps: c.get('deps'), query: c.req.valid('query'), accountRef: currentPortalUser(c).id })))
    .post('/bind', allow('public'), valid('json', bindCardRequest), async (c) => c.json(await bindCard({ deps: c.get('deps'), body: c.req.valid('json'), ctx: auditContext(c) })))
}

/** The office's side: review the uploaded forms, issue the one-time code or reject. */
export function createBindingsRoutes() {
  return new Hono<AppEnv>()
    .get('/', allow('clerk', 'supervisor', 'helpdesk'), valid('query', bindingListQuery), (c) => c.json(listBindingRequests({ deps: c.get('deps'), query: c.req.valid('query') })))
    .get('/:id/form', allow('clerk', 'supervisor', 'helpdesk'), valid('param', idParam), (c) => {
      const form = readBindingForm({ deps: c.get('deps'), id: c.req.valid('param').id })
      return c.body(new Uint8Array(form.bytes), 200, { 'Content-Type': form.mime, 'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(form.name)}`, 'Cache-Control': 'private, no-store' })
    })
    .post('/:id/confirm', allow('clerk'), valid('param', idParam), valid('json', confirmBindingRequest), (c) =>
      c.json(confirmBinding({ deps: c.get('deps'), user: currentUser(c), id: c.req.valid('param').id, version: c.req.valid('json').version, ctx: auditContext(c) })),
    )
    .post('/:id/reject', allow('clerk'), valid('param', idParam), valid('json', rejectBindingRequest), (c) => {
      const { version, reason } = c.req.valid('json')
      return c.json(rejectBinding({ deps: c.get('deps'), user: currentUser(c), id: c.req.valid('param').id, version, reason, ctx: auditContext(c) }))
    })
}
