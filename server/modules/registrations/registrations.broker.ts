import type { Db } from '../../../db/client'
import { recordAudit, type AuditContext } from '../../lib/audit'
import { findActiveAppointment } from '../broker-records/broker-records.service'
import { activeElsewhere, activeOfBroker, historyOfBroker, markDeleted, type RegistrationRecord } from './registrations.repo'

/** Why this product, not the owner, deleted a registration (kept in deleted_reason). */
export type DeletionReason = 'resignation' | 'transfer' | 'disqualification'

function remove(tx: Db, rows: RegistrationRecord[], opts: { reason: DeletionReason; ctx: AuditContext }): RegistrationRecord[] {
  const { ctx } = opts
  const deletedBy = ctx.actor.name ?? 'system'
  const removed = rows.filter((r) => markDeleted(tx, r.id, { deletedAt: ctx.now.toISOString(), deletedBy, deletedReason: opts.reason }))
  for (const r of removed) {
    recordAudit(tx, ctx, {
      action: 'registration.deleted', entity: 'registration', entityId: r.id,
      before: { status: 'active', serialHex: r.serialHex, ubn: r.ubn, brokerCode: r.brokerCode }, after: { status: 'deleted', reason: opts.reason },
    })
  }
  return removed
}

/**
 * Deletes a broker's signing registrations for one firm (a resignation) or for every firm (a disqualification),
 * inside the caller's transaction, one audit row each. Returns the rows it deleted.
 */
export function deleteBrokerRegistrations(tx: Db, opts: { brokerCode: string; ubn?: string; reason: DeletionReason; ctx: AuditContext }): RegistrationRecord[] {
  return remove(tx, activeOfBroker(tx, opts.brokerCode, opts.ubn), opts)
}

/**
 * A transferred broker's certificate moves when the new firm registers it (seed 003 轉任): the registrations of
 * the same certificate for firms the broker no longer works for are deleted. A firm the broker is still
 * appointed to keeps its registration.
 */
export function retireFormerFirms(tx: Db, opts: { fingerprint: string; ubn: string; brokerCode: string; ctx: AuditContext }): RegistrationRecord[] {
  const former = activeElsewhere(tx, opts.fingerprint, opts.ubn).filter((r) => !findActiveAppointment(tx, opts.brokerCode, r.ubn))
  return remove(tx, former, { reason: 'transfer', ctx: opts.ctx })
}

/** Every registration of the broker's certificates, active or deleted: for the broker's timeline. */
export function registrationHistoryOfBroker(db: Db, brokerCode: string): RegistrationRecord[] {
  return historyOfBroker(db, brokerCode)
}
