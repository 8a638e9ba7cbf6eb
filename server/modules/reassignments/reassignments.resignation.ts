import type { z } from 'zod'
import type { SessionUser } from '../../../core/contracts/auth'
import type { ReassignmentOutcome, resignationRequest } from '../../../core/contracts/reassignments'
import { AppError } from '../../../core/errors'
import { inTransaction, type Db } from '../../../db/client'
import { recordAudit, type AuditContext } from '../../lib/audit'
import type { AppDeps } from '../../lib/context'
import { queueMail } from '../../lib/mail/outbox'
import { latestContactEmailOf } from '../applications/applications.service'
import { endAppointment, findActiveAppointment } from '../broker-records/broker-records.service'
import { companyEmailsOf } from '../portal-accounts/portal-accounts.service'
import { deleteBrokerRegistrations } from '../registrations/registrations.service'
import { findReassignment, insertReassignment } from './reassignments.repo'
import { assertNotFuture, assertOffice, badField, brokerLabel, firmLabel, refuse, requireBroker, requireFirm } from './reassignments.rules'
import { toReassignment } from './reassignments.view'

/** The firm's company accounts' addresses; a firm without an account is written to at its latest application's contact. */
export function firmAddresses(db: Db, ubn: string): string[] {
  const seen = new Set<string>()
  const accounts = companyEmailsOf(db, ubn).filter((e) => !seen.has(e.toLowerCase()) && seen.add(e.toLowerCase()))
  if (accounts.length) return accounts
  const contact = latestContactEmailOf(db, ubn)
  return contact ? [contact] : []
}

/**
 * 離職 (seed 003 §參.二.(一).1): with the three documents in hand, the office ends the appointment, the broker's
 * signing registrations for the firm are deleted and the firm is told, all in one transaction with the
 * reassignment row and its audit row. The broker's certificate itself stays valid (only a disqualification revokes).
 */
export function recordResignation(opts: { deps: AppDeps; user: SessionUser; input: z.output<typeof resignationRequest>; ctx: AuditContext }): ReassignmentOutcome {
  const { deps, user, input, ctx } = opts
  assertNotFuture(input.endDate, ctx.now, 'endDate')
  return inTransaction(deps.db, (tx) => {
    const broker = requireBroker(tx, input.brokerCode)
    const firm = requireFirm(tx, input.ubn, 'ubn')
    assertOffice(user, firm.officeCode, 'ubn', { 'zh-TW': `業者 ${firmLabel(firm)}`, en: `Firm ${firm.name} (${firm.ubn})` })
    const appointment = findActiveAppointment(tx, broker.code, firm.ubn)
    if (!appointment) {
      throw refuse('brokerCode', {
        'zh-TW': `專責報關人員 ${brokerLabel(broker)} 目前未受委任於 ${firmLabel(firm)}，無委任關係可終止`,
        en: `Broker ${broker.name} (${broker.code}) is not currently appointed to ${firm.name} (${firm.ubn}); there is no appointment to end`,
      })
    }
    if (input.endDate < appointment.fromDate) {
      throw badField('endDate', { 'zh-TW': `離職日期不可早於委任起日（${appointment.fromDate}）`, en: `The end date cannot be before the appointment began (${appointment.fromDate})` })
    }
    if (!endAppointment(tx, appointment.id, input.endDate)) throw new AppError('CONFLICT')
    const deleted = deleteBrokerRegistrations(tx, { brokerCode: broker.code, ubn: firm.ubn, reason: 'resignation', ctx })
    const id = insertReassignment(tx, {
      kind: 'resignation', status: 'done', brokerCode: broker.code, fromUbn: firm.ubn, effectiveDate: input.endDate, documents: JSON.stringify(input.documents),
      requestedBy: user.id, requestedAt: ctx.now.toISOString(),
    })
    const mailedTo = firmAddresses(tx, firm.ubn)
    const deletedSerials = deleted.map((r) => r.serialHex)
    for (const to of mailedTo) {
      queueMail(tx, { to, template: 'broker-resignation', data: { ubn: firm.ubn, companyName: firm.name, brokerCode: broker.code, brokerName: broker.name, endDate: input.endDate, deletedSerials }, now: ctx.now })
    }
    recordAudit(tx, ctx, {
      action: 'reassignment.resignation', entity: 'reassignment', entityId: id,
      before: { appointmentId: appointment.id, brokerCode: broker.code, ubn: firm.ubn, fromDate: appointment.fromDate, status: 'active' },
      after: { status: 'ended', toDate: input.endDate, documents: input.documents, registrationsDeleted: deletedSerials, mailedTo },
    })
    return { reassignment: toReassignment(findReassignment(tx, id)!, user), appointmentsEnded: 1, appointmentStarted: false, registrationsDeleted: deletedSerials, certificatesRevoked: [], mailedTo }
  })
}
