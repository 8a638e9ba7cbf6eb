import { Hono } from 'hono'
import { z } from 'zod'
import { lookupQuery, personRef, revealRequest } from '../../../core/contracts/lookup'
import { ubnSchema } from '../../../core/tw'
import { allow } from '../../lib/auth'
import { auditContext, type AppEnv } from '../../lib/context'
import { valid } from '../../lib/validate'
import { firmProfile, lookup, personProfile, reveal } from './lookup.service'

const STAFF = ['clerk', 'supervisor', 'helpdesk', 'auditor', 'admin'] as const

/** One search box and a page per firm or person (issue 7 §2); IDs and phones masked unless revealed with a reason. */
export function createLookupRoutes() {
  return new Hono<AppEnv>()
    .get('/', allow(...STAFF), valid('query', lookupQuery), (c) => c.json(lookup({ deps: c.get('deps'), q: c.req.valid('query').q })))
    .get('/firms/:ubn', allow(...STAFF), valid('param', z.object({ ubn: ubnSchema })), (c) => c.json(firmProfile({ deps: c.get('deps'), ubn: c.req.valid('param').ubn })))
    .get('/people/:ref', allow(...STAFF), valid('param', z.object({ ref: personRef })), (c) => c.json(personProfile({ deps: c.get('deps'), ref: c.req.valid('param').ref })))
    .post('/reveal', allow(...STAFF), valid('json', revealRequest), (c) => c.json(reveal({ deps: c.get('deps'), body: c.req.valid('json'), ctx: auditContext(c) })))
}
