import type { z } from 'zod'
import type { SessionUser } from '../../../core/contracts/auth'
import type { ReassignmentOutcome, transferRequest } from '../../../core/contracts/reassignments'
import { AppError } from '../../../core/errors'
import { addDaysTaipei } from '../../../core/tw'
import { inTransaction } from '../../../db/client'
import { recordAudit, type AuditContext } from '../../lib/audit'
import type { AppDeps } from '../../lib/context'
import { endAppointment, startAppointment } from '../broker-records/broker-records.service'
import { findReassignment, hasPending, insertReassignment } from './reassignments.repo'
import { assertNotFuture, assertOffice, badField, brokerLabel, firmLabel, refuse, requireBroker, requireFirm, requireQualified } from './reassignments.rules'
import { toReassignment } from './reassignments.view'

/**
 * 轉任 (seed 003 §參.二.(一).2): the new firm registers the appointment; once the office has checked it, the old
 * appointment ends the day before the new one starts, and the new one is recorded. The broker's certificate
 * stays valid and its registration stays with the old firm until the new firm registers it (the registrations
 * service then removes the old one).
 */
export function recordTransfer(opts: { deps: AppDeps; user: SessionUser; input: z.output<typeof transferRequest>; ctx: AuditContext }): ReassignmentOutcome {
  const { deps, user, input, ctx } = opts
  assertNotFuture(input.startDate, ctx.now, 'startDate')
  return inTransaction(deps.db, (tx) => {
    const broker = requireBroker(tx, input.brokerCode)
    const firm = requireFirm(tx, input.toUbn, 'toUbn')
    assertOffice(user, firm.officeCode, 'toUbn', { 'zh-TW': `新任業者 ${firmLabel(firm)}`, en: `The new firm ${firm.name} (${firm.ubn})` })
    requireQualified(broker)
    if (hasPending(tx, broker.code, 'disqualification')) {
      throw refuse('brokerCode', { 'zh-TW': `專責報關人員 ${brokerLabel(broker)} 有待核定的喪失資格案件，不得轉任`, en: `Broker ${broker.name} (${broker.code}) has a disqualification awaiting approval and cannot transfer` })
    }
    const licence = firm.licences.find((l) => l.businessType === 'customs-broker')
    if (licence?.status !== 'active') {
      throw refuse('toUbn', { 'zh-TW': `${firmLabel(firm)} 沒有有效的報關業執照，不得委任專責報關人員`, en: `${firm.name} (${firm.ubn}) holds no active customs broker licence, so it cannot appoint a broker` })
    }
    const current = broker.activeAppointments
    if (current.length === 0) {
      throw refuse('brokerCode', { 'zh-TW': `專責報關人員 ${brokerLabel(broker)} 目前未受委任於任何報關業，請以新委任辦理`, en: `Broker ${broker.name} (${broker.code}) is not currently appointed to any firm, so there is nothing to transfer from` })
    }
    if (current.some((a) => a.firmUbn === firm.ubn)) {
      throw refuse('toUbn', { 'zh-TW': `專責報關人員 ${brokerLabel(broker)} 已受委任於 ${firmLabel(firm)}，新任業者不可與原業者相同`, en: `Broker ${broker.name} (${broker.code}) already works for ${firm.name} (${firm.ubn}); the new firm must be another firm` })
    }
    const latestStart = current.map((a) => a.fromDate).sort().at(-1)!
    if (input.startDate <= latestStart) {
      throw badField('startDate', { 'zh-TW': `轉任日期須晚於原委任起日（${latestStart}）`, en: `The start date must be after the current appointment began (${latestStart})` })
    }
    const endDate = addDaysTaipei(input.startDate, -1)
    for (const a of current) if (!endAppointment(tx, a.id, endDate)) throw new AppError('CONFLICT')
    const appointmentId = startAppointment(tx, { brokerCode: broker.code, firmUbn: firm.ubn, fromDate: input.startDate })
    const from = current[0]!
    const id = insertReassignment(tx, {
      kind: 'transfer', status: 'done', brokerCode: broker.code, fromUbn: from.firmUbn, toUbn: firm.ubn, effectiveDate: input.startDate,
      documents: JSON.stringify({ officeChecked: true }), requestedBy: user.id, requestedAt: ctx.now.toISOString(),
    })
    recordAudit(tx, ctx, {
      action: 'reassignment.transfer', entity: 'reassignment', entityId: id,
      before: { appointments: current.map((a) => ({ id: a.id, ubn: a.firmUbn, fromDate: a.fromDate, status: 'active' })) },
      after: { ended: current.map((a) => ({ id: a.id, toDate: endDate })), started: { id: appointmentId, ubn: firm.ubn, fromDate: input.startDate } },
    })
    return { reassignment: toReassignment(findReassignment(tx, id)!, user), appointmentsEnded: current.length, appointmentStarted: true, registrationsDeleted: [], certificatesRevoked: [], mailedTo: [] }
  })
}
