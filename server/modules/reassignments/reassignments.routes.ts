import { Hono } from 'hono'
import { approveRequest, brokerCodeParam, disqualificationRequest, reassignmentListQuery, rejectRequest, resignationRequest, transferRequest } from '../../../core/contracts/reassignments'
import type { Role } from '../../../core/contracts/roles'
import { allow } from '../../lib/auth'
import { auditContext, currentUser, type AppEnv } from '../../lib/context'
import { idParam, valid } from '../../lib/validate'
import { approveDisqualification, brokerTimeline, fileDisqualification, recordResignation, recordTransfer, rejectDisqualification, searchReassignments } from './reassignments.service'

/** The history is read like the broker records (every staff role); clerks record, supervisors decide. */
const readers: Role[] = ['clerk', 'supervisor', 'helpdesk', 'auditor', 'admin']

export function createReassignmentsRoutes() {
  return new Hono<AppEnv>()
    .get('/', allow(...readers), valid('query', reassignmentListQuery), (c) => c.json(searchReassignments({ db: c.get('deps').db, user: currentUser(c), query: c.req.valid('query') })))
    .get('/brokers/:code/timeline', allow(...readers), valid('param', brokerCodeParam), (c) =>
      c.json(brokerTimeline({ db: c.get('deps').db, user: currentUser(c), code: c.req.valid('param').code })),
    )
    .post('/resignations', allow('clerk'), valid('json', resignationRequest), (c) =>
      c.json(recordResignation({ deps: c.get('deps'), user: currentUser(c), input: c.req.valid('json'), ctx: auditContext(c) }), 201),
    )
    .post('/transfers', allow('clerk'), valid('json', transferRequest), (c) =>
      c.json(recordTransfer({ deps: c.get('deps'), user: currentUser(c), input: c.req.valid('json'), ctx: auditContext(c) }), 201),
    )
    .post('/disqualifications', allow('clerk'), valid('json', disqualificationRequest), (c) =>
      c.json(fileDisqualification({ deps: c.get('deps'), user: currentUser(c), input: c.req.valid('json'), ctx: auditContext(c) }), 201),
    )
    .post('/:id/approve', allow('supervisor'), valid('param', idParam), valid('json', approveRequest), async (c) =>
      c.json(await approveDisqualification({ deps: c.get('deps'), user: currentUser(c), id: c.req.valid('param').id, version: c.req.valid('json').version, ctx: auditContext(c) })),
    )
    .post('/:id/reject', allow('supervisor'), valid('param', idParam), valid('json', rejectRequest), (c) => {
      const { version, reason } = c.req.valid('json')
      return c.json(rejectDisqualification({ deps: c.get('deps'), user: currentUser(c), id: c.req.valid('param').id, version, reason, ctx: auditContext(c) }))
    })
}
