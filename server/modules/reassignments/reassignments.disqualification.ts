import type { z } from 'zod'
import type { SessionUser } from '../../../core/contracts/auth'
import type { disqualificationRequest, Reassignment, ReassignmentOutcome } from '../../../core/contracts/reassignments'
import { AppError } from '../../../core/errors'
import { parseBrokerCode } from '../../../core/tw'
import { inTransaction, type Db } from '../../../db/client'
import { recordAudit, type AuditContext } from '../../lib/audit'
import type { AppDeps } from '../../lib/context'
import { publishCrl } from '../ca/ca.service'
import { disqualifyBroker, endAppointment } from '../broker-records/broker-records.service'
import { changeCertificateStatus } from '../certificates/certificates.actions'
import { liveCertificatesOfBroker } from '../certificates/certificates.service'
import { deleteBrokerRegistrations } from '../registrations/registrations.service'
import { findReassignment, hasPending, insertReassignment, updateReassignmentAt, type ReassignmentRow } from './reassignments.repo'
import { assertNotFuture, assertOffice, badField, brokerLabel, refuse, requireBroker, requireQualified } from './reassignments.rules'
import { inOffice, officeOf, toReassignment } from './reassignments.view'

/**
 * RFC 5280 §5.3.1 privilegeWithdrawn: the certificate still names the right person and key, but the privilege
 * it attests (acting as a licensed customs broker) has been taken away. cessationOfOperation would say the
 * holder simply no longer needs it (a voluntary 註銷), and keyCompromise would be untrue.
 */
export const DISQUALIFICATION_REASON = 'privilegeWithdrawn'

/** 喪失資格, step 1: a clerk of the office that licensed the broker files it with the reason; nothing changes yet. */
export function fileDisqualification(opts: { deps: AppDeps; user: SessionUser; input: z.output<typeof disqualificationRequest>; ctx: AuditContext }): Reassignment {
  const { deps, user, input, ctx } = opts
  assertNotFuture(input.effectiveDate, ctx.now, 'effectiveDate')
  return inTransaction(deps.db, (tx) => {
    const broker = requireBroker(tx, input.brokerCode)
    assertOffice(user, parseBrokerCode(broker.code)?.officeCode ?? null, 'brokerCode', { 'zh-TW': `專責報關人員 ${brokerLabel(broker)}`, en: `Broker ${broker.name} (${broker.code})` })
    requireQualified(broker)
    if (hasPending(tx, broker.code, 'disqualification')) {
      throw refuse('brokerCode', { 'zh-TW': `專責報關人員 ${brokerLabel(broker)} 已有待核定的喪失資格案件`, en: `A disqualification of broker ${broker.name} (${broker.code}) is already awaiting approval` })
    }
    if (input.effectiveDate < broker.qualifiedOn) {
      throw badField('effectiveDate', { 'zh-TW': `喪失資格日期不可早於取得資格日期（${broker.qualifiedOn}）`, en: `The date cannot be before the broker qualified (${broker.qualifiedOn})` })
    }
    const id = insertReassignment(tx, {
      kind: 'disqualification', status: 'pending', brokerCode: broker.code, fromUbn: broker.activeAppointments[0]?.firmUbn ?? null, effectiveDate: input.effectiveDate,
      reason: input.reason, requestedBy: user.id, requestedAt: ctx.now.toISOString(),
    })
    recordAudit(tx, ctx, { action: 'reassignment.disqualification_filed', entity: 'reassignment', entityId: id, after: { brokerCode: broker.code, effectiveDate: input.effectiveDate, reason: input.reason, status: 'pending' } })
    return toReassignment(findReassignment(tx, id)!, user)
  })
}

/** The pending disqualification a supervisor may decide now, at the version they saw. */
function openRequest(tx: Db, user: SessionUser, id: number, version: number): ReassignmentRow {
  const row = findReassignment(tx, id)
  if (!row || row.kind !== 'disqualification') throw new AppError('NOT_FOUND', { message: { 'zh-TW': '查無此喪失資格案件', en: 'No such disqualification request' } })
  if (!inOffice(user, officeOf(row))) throw new AppError('FORBIDDEN', { message: { 'zh-TW': '此案件不屬於貴關別', en: 'This request belongs to another customs office' } })
  if (row.status !== 'pending') throw new AppError('CONFLICT', { message: { 'zh-TW': '此案件已核定，無法再次決行', en: 'This request has already been decided' } })
  if (row.version !== version) throw new AppError('VERSION_CONFLICT')
  if (row.requestedBy === user.id) throw new AppError('FORBIDDEN', { message: { 'zh-TW': '此案件由您提出，須由其他主管核定', en: 'You filed this request: another supervisor must decide it' } })
  return row
}

const decided = (user: SessionUser, ctx: AuditContext) => ({ decidedBy: user.id, decidedAt: ctx.now.toISOString() })

/**
 * 喪失資格, step 2: on approval customs ends the registration itself and revokes (seed 003 【註】). In one
 * transaction: every active appointment ends, the broker is marked disqualified, every signing registration of
 * the broker is deleted, and every valid or held certificate of the broker is revoked in the CA and the
 * registry; then each CA's CRL is re-signed before the call returns, so the Single Window refuses the broker's
 * signatures from the next CRL download on.
 */
export async function approveDisqualification(opts: { deps: AppDeps; user: SessionUser; id: number; version: number; ctx: AuditContext }): Promise<ReassignmentOutcome> {
  const { deps, user, ctx } = opts
  const { outcome, caNames } = inTransaction(deps.db, (tx) => {
    const row = openRequest(tx, user, opts.id, opts.version)
    if (!updateReassignmentAt(tx, row.id, row.version, { status: 'done', ...decided(user, ctx) })) throw new AppError('VERSION_CONFLICT')
    const broker = requireBroker(tx, row.brokerCode)
    // An appointment that began after the date the qualification was lost ends the day it began.
    const ended = broker.activeAppointments.map((a) => ({ id: a.id, ubn: a.firmUbn, toDate: row.effectiveDate < a.fromDate ? a.fromDate : row.effectiveDate }))
    for (const a of ended) if (!endAppointment(tx, a.id, a.toDate)) throw new AppError('CONFLICT')
    disqualifyBroker(tx, broker.code, row.effectiveDate)
    const deleted = deleteBrokerRegistrations(tx, { brokerCode: broker.code, reason: 'disqualification', ctx })
    const certificates = liveCertificatesOfBroker(tx, broker.code)
    const note = `喪失資格（異動案件 #${row.id}）：${row.reason ?? ''}`
    for (const before of certificates) changeCertificateStatus(tx, { before, action: 'revoke', reason: DISQUALIFICATION_REASON, note, ctx })
    const revoked = certificates.map((c) => c.serialHex)
    recordAudit(tx, ctx, {
      action: 'reassignment.disqualification_approved', entity: 'reassignment', entityId: row.id,
      before: { status: 'pending', qualificationStatus: broker.qualificationStatus },
      after: { status: 'done', qualificationStatus: 'disqualified', disqualifiedOn: row.effectiveDate, appointmentsEnded: ended, registrationsDeleted: deleted.map((r) => r.serialHex), certificatesRevoked: revoked },
    })
    const outcome: ReassignmentOutcome = {
      reassignment: toReassignment(findReassignment(tx, row.id)!, user), appointmentsEnded: ended.length, appointmentStarted: false,
      registrationsDeleted: deleted.map((r) => r.serialHex), certificatesRevoked: revoked, mailedTo: [],
    }
    return { outcome, caNames: [...new Set(certificates.map((c) => c.caName))] }
  })
  for (const caName of caNames) {
    await publishCrl({ db: deps.db, settings: deps.ca, caName, now: ctx.now }).catch((err: unknown) => deps.log.error('CRL publish after a disqualification failed; it is re-signed when next served', { error: String(err) }))
  }
  return outcome
}

/** A supervisor turns the request down with a reason; nothing else changes. */
export function rejectDisqualification(opts: { deps: AppDeps; user: SessionUser; id: number; version: number; reason: string; ctx: AuditContext }): Reassignment {
  const { deps, user, ctx } = opts
  return inTransaction(deps.db, (tx) => {
    const row = openRequest(tx, user, opts.id, opts.version)
    if (!updateReassignmentAt(tx, row.id, row.version, { status: 'rejected', rejectReason: opts.reason, ...decided(user, ctx) })) throw new AppError('VERSION_CONFLICT')
    recordAudit(tx, ctx, { action: 'reassignment.disqualification_rejected', entity: 'reassignment', entityId: row.id, before: { status: 'pending' }, after: { status: 'rejected', reason: opts.reason } })
    return toReassignment(findReassignment(tx, row.id)!, user)
  })
}
