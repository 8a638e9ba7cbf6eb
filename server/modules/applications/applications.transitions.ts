import { AppError } from '../../../core/errors'
import { assertTransition, type ApplicationAction } from '../../../core/workflow/application'
import type { Db } from '../../../db/client'
import { insertEvent, updateApplicationAt, type ApplicationRow } from './applications.repo'

/**
 * A status change that another module's use case causes (a payment: 10 → 20; the fee deadline: 10 → A9),
 * inside that module's transaction: through the state machine, guarded by the version the caller read, with
 * its history line. Returns the new status.
 */
export function moveApplication(
  tx: Db,
  opts: { application: ApplicationRow; action: Extract<ApplicationAction, 'pay' | 'expire' | 'issue'>; actor: { id: number | null; name: string }; note: string | null; now: Date },
): ApplicationRow['status'] {
  const app = opts.application
  const to = assertTransition(opts.action, app.status)
  const at = opts.now.toISOString()
  if (!updateApplicationAt(tx, app.id, app.version, { status: to, updatedAt: at })) throw new AppError('VERSION_CONFLICT')
  const action = { pay: 'paid', expire: 'expired', issue: 'issued' }[opts.action]
  insertEvent(tx, { applicationId: app.id, at, actorId: opts.actor.id, actorName: opts.actor.name, action, fromStatus: app.status, toStatus: to, note: opts.note })
  return to
}
