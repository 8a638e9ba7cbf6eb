import { Hono } from 'hono'
import { auditListQuery } from '../../../core/contracts/audit'
import { allow } from '../../lib/auth'
import { currentUser, type AppEnv } from '../../lib/context'
import { idParam, valid } from '../../lib/validate'
import { createAuditExportRoutes } from './audit.export' // exports
import { getAuditEntry, searchAudit, verifyAuditChain } from './audit.service'

export function createAuditRoutes() {
  return new Hono<AppEnv>()
    .get('/', allow('auditor', 'admin'), valid('query', auditListQuery), (c) => c.json(searchAudit({ db: c.get('deps').db, actor: currentUser(c), query: c.req.valid('query') })))
    .route('/export', createAuditExportRoutes()) // exports
    .get('/verify', allow('auditor', 'admin'), (c) => c.json(verifyAuditChain({ db: c.get('deps').db })))
    .get('/:id', allow('auditor', 'admin'), valid('param', idParam), (c) => c.json(getAuditEntry({ db: c.get('deps').db, actor: currentUser(c), id: c.req.valid('param').id })))
}
