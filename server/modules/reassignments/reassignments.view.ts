import type { SessionUser } from '../../../core/contracts/auth'
import type { Reassignment } from '../../../core/contracts/reassignments'
import { parseBrokerCode } from '../../../core/tw'
import { officeScope } from '../../lib/sql'
import type { ReassignmentRow } from './reassignments.repo'

/**
 * The office a reassignment belongs to: the firm left (resignation), the firm joined (transfer: the new firm
 * registers the appointment at its office), or the office that licensed the broker (disqualification).
 */
export function officeOf(row: Pick<ReassignmentRow, 'kind' | 'brokerCode' | 'fromFirmOffice' | 'toFirmOffice'>): string | null {
  if (row.kind === 'resignation') return row.fromFirmOffice
  if (row.kind === 'transfer') return row.toFirmOffice
  return parseBrokerCode(row.brokerCode)?.officeCode ?? null
}

/** Whether the user works for that office (headquarters staff work for every office). */
export function inOffice(user: SessionUser, officeCode: string | null): boolean {
  const scope = officeScope(user.officeCode)
  return !scope || scope === officeCode
}

/** Four eyes: a supervisor of the office decides, never on a request of their own. */
export function mayDecide(user: SessionUser, row: ReassignmentRow): boolean {
  return row.status === 'pending' && user.roles.includes('supervisor') && row.requestedBy !== user.id && inOffice(user, officeOf(row))
}

function documentsOf(json: string | null): Reassignment['documents'] {
  if (!json) return null
  try {
    return JSON.parse(json) as Reassignment['documents']
  } catch {
    return null
  }
}

export function toReassignment(row: ReassignmentRow, user: SessionUser): Reassignment {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    brokerCode: row.brokerCode,
    brokerName: row.brokerName,
    fromUbn: row.fromUbn,
    fromFirmName: row.fromFirmName,
    toUbn: row.toUbn,
    toFirmName: row.toFirmName,
    effectiveDate: row.effectiveDate,
    documents: documentsOf(row.documents),
    reason: row.reason,
    requestedBy: row.requestedByName,
    requestedAt: row.requestedAt,
    decidedBy: row.decidedByName,
    decidedAt: row.decidedAt,
    rejectReason: row.rejectReason,
    version: row.version,
    can: { decide: mayDecide(user, row) },
  }
}
