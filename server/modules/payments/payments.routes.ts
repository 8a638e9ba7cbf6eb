import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { BANK_FILE_MAX_BYTES, importPaymentsRequest, paymentListQuery, recordPaymentRequest } from '../../../core/contracts/payments'
import type { Role } from '../../../core/contracts/roles'
import { allow } from '../../lib/auth'
import { auditContext, currentUser, type AppEnv } from '../../lib/context'
import { valid } from '../../lib/validate'
import { bankFileTooLarge, importPayments } from './payments.import'
import { recordPayment, searchPayments } from './payments.service'

/** Clerks and supervisors record payments; auditors and admins read them too. */
const recorders: Role[] = ['clerk', 'supervisor']
const readers: Role[] = ['clerk', 'supervisor', 'auditor', 'admin']

/** The bank file's own body limit (the app's 1 MB skips this path): the file's limit plus the multipart framing. */
export const IMPORT_PATH = '/api/payments/import'
const importBodyLimit = bodyLimit({
  maxSize: BANK_FILE_MAX_BYTES + 64 * 1024,
  onError: () => {
    throw bankFileTooLarge()
  },
})

export function createPaymentsRoutes() {
  return new Hono<AppEnv>()
    .get('/', allow(...readers), valid('query', paymentListQuery), (c) => c.json(searchPayments({ db: c.get('deps').db, user: currentUser(c), query: c.req.valid('query') })))
    .post('/', allow(...recorders), valid('json', recordPaymentRequest), (c) => {
      const result = recordPayment({ db: c.get('deps').db, user: currentUser(c), input: c.req.valid('json'), ctx: auditContext(c) })
      return c.json(result, result.alreadyRecorded ? 200 : 201)
    })
    .post('/import', allow(...recorders), importBodyLimit, valid('form', importPaymentsRequest), async (c) =>
      c.json(await importPayments({ db: c.get('deps').db, user: currentUser(c), file: c.req.valid('form').file, lang: c.get('lang'), ctx: auditContext(c) })),
    )
}
