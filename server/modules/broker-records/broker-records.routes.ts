import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { appointmentListQuery, brokerListQuery, brokerParam, firmListQuery, firmParam, IMPORT_MAX_BYTES, importRequest } from '../../../core/contracts/broker-records'
import type { Role } from '../../../core/contracts/roles'
import { allow } from '../../lib/auth'
import { auditContext, currentUser, type AppEnv } from '../../lib/context'
import { valid } from '../../lib/validate'
import { createAppointmentsExportRoutes } from './broker-records.export' // exports
import { importBrokerRecords, importTooLarge } from './broker-records.import'
import { getBroker, getFirm, searchAppointments, searchBrokers, searchFirms } from './broker-records.service'

/** The records are national data: every staff role reads them; only supervisors and admins import. */
const readers: Role[] = ['clerk', 'supervisor', 'helpdesk', 'auditor', 'admin']
const importers: Role[] = ['supervisor', 'admin']

/** The import's own body limit (the app's is 1 MB and skips this path): the file's limit plus room for the multipart framing. */
export const IMPORT_PATH = '/api/broker-records/import'
const importBodyLimit = bodyLimit({
  maxSize: IMPORT_MAX_BYTES + 64 * 1024,
  onError: () => {
    throw importTooLarge()
  },
})

export function createBrokerRecordsRoutes() {
  return new Hono<AppEnv>()
    .get('/firms', allow(...readers), valid('query', firmListQuery), (c) => c.json(searchFirms({ db: c.get('deps').db, query: c.req.valid('query') })))
    .get('/firms/:ubn', allow(...readers), valid('param', firmParam), (c) => c.json(getFirm({ db: c.get('deps').db, ubn: c.req.valid('param').ubn })))
    .get('/brokers', allow(...readers), valid('query', brokerListQuery), (c) => c.json(searchBrokers({ db: c.get('deps').db, query: c.req.valid('query') })))
    .get('/brokers/:code', allow(...readers), valid('param', brokerParam), (c) => c.json(getBroker({ db: c.get('deps').db, code: c.req.valid('param').code })))
    .route('/appointments/export', createAppointmentsExportRoutes()) // exports
    .get('/appointments', allow(...readers), valid('query', appointmentListQuery), (c) =>
      c.json(searchAppointments({ db: c.get('deps').db, query: c.req.valid('query') })),
    )
    .post('/import', allow(...importers), importBodyLimit, valid('form', importRequest), async (c) => {
      const { kind, file, dryRun } = c.req.valid('form')
      return c.json(await importBrokerRecords({ db: c.get('deps').db, actor: currentUser(c), kind, file, dryRun, ctx: auditContext(c) }))
    })
}
