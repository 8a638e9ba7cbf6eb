import { Hono } from 'hono'
import { createStaffRequest, staffActionRequest, staffListQuery, updateStaffRequest } from '../../../core/contracts/staff'
import { allow } from '../../lib/auth'
import { auditContext, currentUser, type AppEnv } from '../../lib/context'
import { idParam, valid } from '../../lib/validate'
import { createStaff, getStaff, resetStaffPassword, searchStaff, setStaffStatus, unlockStaff, updateStaff } from './staff.service'

export function createStaffRoutes() {
  return new Hono<AppEnv>()
    .get('/', allow('admin'), valid('query', staffListQuery), (c) => c.json(searchStaff({ db: c.get('deps').db, actor: currentUser(c), query: c.req.valid('query') })))
    .get('/:id', allow('admin'), valid('param', idParam), (c) => c.json(getStaff({ db: c.get('deps').db, actor: currentUser(c), id: c.req.valid('param').id })))
    .post('/', allow('admin'), valid('json', createStaffRequest), async (c) => {
      const { db, env } = c.get('deps')
      return c.json(await createStaff({ db, env, actor: currentUser(c), input: c.req.valid('json'), ctx: auditContext(c) }), 201)
    })
    .patch('/:id', allow('admin'), valid('param', idParam), valid('json', updateStaffRequest), (c) =>
      c.json(updateStaff({ db: c.get('deps').db, actor: currentUser(c), id: c.req.valid('param').id, input: c.req.valid('json'), ctx: auditContext(c) })),
    )
    .post('/:id/disable', allow('admin'), valid('param', idParam), valid('json', staffActionRequest), (c) =>
      c.json(setStaffStatus({ db: c.get('deps').db, actor: currentUser(c), id: c.req.valid('param').id, version: c.req.valid('json').version, status: 'disabled', ctx: auditContext(c) })),
    )
    .post('/:id/enable', allow('admin'), valid('param', idParam), valid('json', staffActionRequest), (c) =>
      c.json(setStaffStatus({ db: c.get('deps').db, actor: currentUser(c), id: c.req.valid('param').id, version: c.req.valid('json').version, status: 'active', ctx: auditContext(c) })),
    )
    .post('/:id/unlock', allow('admin'), valid('param', idParam), valid('json', staffActionRequest), (c) =>
      c.json(unlockStaff({ db: c.get('deps').db, actor: currentUser(c), id: c.req.valid('param').id, version: c.req.valid('json').version, ctx: auditContext(c) })),
    )
    .post('/:id/reset-password', allow('admin'), valid('param', idParam), valid('json', staffActionRequest), async (c) => {
      const { db, env } = c.get('deps')
      return c.json(await resetStaffPassword({ db, env, actor: currentUser(c), id: c.req.valid('param').id, version: c.req.valid('json').version, ctx: auditContext(c) }))
    })
}
