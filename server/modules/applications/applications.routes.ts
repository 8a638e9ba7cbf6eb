import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { z } from 'zod'
import { applicationListQuery, decideRequest, draftRequest, issueCertificateRequest, onlineApplicationRequest, prepareRequest, updateDraftRequest, versionRequest } from '../../../core/contracts/applications'
import { AppError } from '../../../core/errors'
import { allow } from '../../lib/auth'
import { auditContext, currentUser, type AppEnv } from '../../lib/context'
import { idParam, valid } from '../../lib/validate'
import { createApplicationsExportRoutes } from './applications.export' // exports
import { addAttachment, MAX_ATTACHMENT_BYTES, readAttachment } from './applications.attachments'
import { decideApplication } from './applications.decide'
import { issueApplicationCertificate } from './applications.issue'
import { receiveOnlineApplication } from './applications.online'
import { createDraft, getApplication, prepareApplication, searchApplications, submitApplication, updateDraft } from './applications.service'

const attachmentParam = idParam.extend({ attachmentId: z.coerce.number({ message: 'invalidType' }).int().positive({ message: 'invalidFormat' }) })
const uploadLimit = bodyLimit({ maxSize: MAX_ATTACHMENT_BYTES + 64 * 1024, onError: () => { throw new AppError('PAYLOAD_TOO_LARGE', { params: { limit: '10 MB' } }) } })

/** The review desk: paper keying by clerks, the queue, preparation, and supervisors' decisions. */
export function createApplicationsRoutes() {
  return new Hono<AppEnv>()
    .get('/', allow('clerk', 'supervisor', 'auditor', 'admin'), valid('query', applicationListQuery), (c) =>
      c.json(searchApplications({ db: c.get('deps').db, user: currentUser(c), query: c.req.valid('query'), now: c.get('deps').clock() })),
    )
    .route('/export', createApplicationsExportRoutes()) // exports
    .post('/online', allow('public'), valid('json', onlineApplicationRequest), async (c) => {
      const body = c.req.valid('json')
      return c.json(await receiveOnlineApplication({ deps: c.get('deps'), ...body, ctx: auditContext(c) }), 201)
    })
    // Self-authenticating: the applicant company's card signs the request (see applications.issue.ts).
    .post('/:id/certificate', allow('public'), valid('param', idParam), valid('json', issueCertificateRequest), async (c) =>
      c.json(await issueApplicationCertificate({ deps: c.get('deps'), id: c.req.valid('param').id, body: c.req.valid('json'), ctx: auditContext(c) }), 201),
    )
    .post('/', allow('clerk'), valid('json', draftRequest), (c) => c.json(createDraft({ db: c.get('deps').db, user: currentUser(c), input: c.req.valid('json'), ctx: auditContext(c) }), 201))
    .get('/:id', allow('clerk', 'supervisor', 'auditor', 'admin'), valid('param', idParam), (c) =>
      c.json(getApplication({ db: c.get('deps').db, user: currentUser(c), id: c.req.valid('param').id, now: c.get('deps').clock() })),
    )
    .patch('/:id', allow('clerk'), valid('param', idParam), valid('json', updateDraftRequest), (c) => {
      const { version, ...input } = c.req.valid('json')
      return c.json(updateDraft({ db: c.get('deps').db, user: currentUser(c), id: c.req.valid('param').id, input, version, ctx: auditContext(c) }))
    })
    .post('/:id/submit', allow('clerk'), valid('param', idParam), valid('json', versionRequest), (c) =>
      c.json(submitApplication({ db: c.get('deps').db, user: currentUser(c), id: c.req.valid('param').id, version: c.req.valid('json').version, ctx: auditContext(c) })),
    )
    .post('/:id/prepare', allow('clerk'), valid('param', idParam), valid('json', prepareRequest), (c) =>
      c.json(prepareApplication({ db: c.get('deps').db, user: currentUser(c), id: c.req.valid('param').id, input: c.req.valid('json'), ctx: auditContext(c) })),
    )
    .post('/:id/decide', allow('supervisor'), valid('param', idParam), valid('json', decideRequest), async (c) =>
      c.json(await decideApplication({ deps: c.get('deps'), user: currentUser(c), id: c.req.valid('param').id, input: c.req.valid('json'), ctx: auditContext(c) })),
    )
    .post('/:id/attachments', allow('clerk'), uploadLimit, valid('param', idParam), async (c) => {
      const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>)
      const file = form.file
      if (!(file instanceof File)) throw new AppError('VALIDATION_FAILED', { fieldErrors: { file: 'required' } })
      const bytes = new Uint8Array(await file.arrayBuffer())
      return c.json(await addAttachment({ deps: c.get('deps'), user: currentUser(c), id: c.req.valid('param').id, fileName: file.name, bytes, ctx: auditContext(c) }), 201)
    })
    .get('/:id/attachments/:attachmentId', allow('clerk', 'supervisor', 'auditor', 'admin'), valid('param', attachmentParam), (c) => {
      const { id, attachmentId } = c.req.valid('param')
      const a = readAttachment({ deps: c.get('deps'), user: currentUser(c), id, attachmentId })
      return c.body(new Uint8Array(a.bytes), 200, {
        'Content-Type': a.contentType,
        'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(a.fileName)}`,
        'Cache-Control': 'private, no-store',
      })
    })
}
