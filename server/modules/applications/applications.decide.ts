import type { z } from 'zod'
import { rejectReasons, type Application, type decideRequest } from '../../../core/contracts/applications'
import type { SessionUser } from '../../../core/contracts/auth'
import { AppError } from '../../../core/errors'
import { assertTransition, needsFee } from '../../../core/workflow/application'
import { inTransaction, type Db } from '../../../db/client'
import { recordAudit, type AuditContext } from '../../lib/audit'
import type { AppDeps } from '../../lib/context'
import { queueMail } from '../../lib/mail/outbox'
import { applyRevocation, publishCrl } from '../ca/ca.service'
import { issueFeeSlip } from '../fee-slips/fee-slips.service'
import { findCertificate, markCertificateStatus } from '../certificates/certificates.service'
import { markRegistrationsOfCertificate } from '../registrations/registrations.service'
import { checksFor } from './applications.records'
import { findApplication, insertEvent, updateApplicationAt, type ApplicationRow } from './applications.repo'
import { auditSummary, scopedApplication } from './applications.service'
import { mayDecide, toApplication } from './applications.view'

const CUSTOMS_CA = 'customs'

/** What a service other than new/renew does to the certificate when approved (DOMAIN.md §3). */
function carryOut(tx: Db, app: ApplicationRow, ctx: AuditContext): boolean {
  if (app.service === 'modify') return false
  const target = findCertificate(tx, app.targetSerial ?? '')
  if (!target) throw new AppError('CONFLICT', { message: rejectReasons['target-invalid'] })
  const reason = app.service === 'revoke' ? 'cessationOfOperation' : app.service === 'suspend' ? 'certificateHold' : null
  applyRevocation(tx, { caName: CUSTOMS_CA, serialHex: target.serialHex, reason, ctx })
  const status = app.service === 'revoke' ? 'revoked' : app.service === 'suspend' ? 'suspended' : 'valid'
  markCertificateStatus(tx, target.serialHex, { status, revokedAt: reason ? ctx.now.toISOString() : null, revocationReason: reason })
  markRegistrationsOfCertificate(tx, { serialHex: target.serialHex, status })
  return true
}

/**
 * A supervisor's decision. The record checks run again now; a failing check blocks approval. Approving new or
 * renew issues the fee slip (10); the other services are carried out at once through the CA (A0), and the CRL
 * is re-signed after the commit. Two racing decisions: the version makes exactly one win.
 */
export async function decideApplication(opts: { deps: AppDeps; user: SessionUser; id: number; input: z.output<typeof decideRequest>; ctx: AuditContext }): Promise<Application> {
  const { deps, user, input, ctx } = opts
  const { db } = deps
  const { row, crlChanged } = inTransaction(db, (tx) => {
    const before = scopedApplication(tx, user, opts.id)
    if (before.version !== input.version) throw new AppError('VERSION_CONFLICT')
    if (!mayDecide(user, before)) {
      // An application already decided answers with its state (409), not with the four-eyes refusal.
      if (before.status !== '00') assertTransition('reject', before.status)
      throw new AppError('FORBIDDEN', { message: { 'zh-TW': '申請案件由您登打或準備審核，須由其他主管決行', en: 'You keyed or prepared this application: another supervisor must decide it' } })
    }
    const at = ctx.now.toISOString()
    let to: string
    let changed = false
    let note: string | null = null
    if (input.decision === 'reject') {
      to = assertTransition('reject', before.status)
      note = input.reasonText ? `${rejectReasons[input.reasonCode!]['zh-TW']}：${input.reasonText}` : rejectReasons[input.reasonCode!]['zh-TW']
      if (!updateApplicationAt(tx, before.id, input.version, { status: 'R0', rejectReasonCode: input.reasonCode, rejectReason: input.reasonText ?? null, decidedBy: user.id, decidedAt: at, updatedAt: at })) throw new AppError('VERSION_CONFLICT')
      queueMail(tx, { to: before.contactEmail, template: 'application-rejected', data: { applicationNo: before.applicationNo, companyName: before.companyName, reason: note }, applicationId: before.id, now: ctx.now })
    } else {
      const failed = checksFor(tx, before, ctx.now).filter((c) => c.result === 'fail')
      if (failed.length) {
        throw new AppError('CONFLICT', {
          message: { 'zh-TW': `資格審核未通過，無法核准：${failed.map((c) => c.label['zh-TW']).join('、')}`, en: `Checks failed, so it cannot be approved: ${failed.map((c) => c.label.en).join(', ')}` },
        })
      }
      to = assertTransition(needsFee(before.service) ? 'accept' : 'carryOut', before.status)
      if (!updateApplicationAt(tx, before.id, input.version, { status: to as ApplicationRow['status'], decidedBy: user.id, decidedAt: at, updatedAt: at })) throw new AppError('VERSION_CONFLICT')
      if (needsFee(before.service)) {
        const slip = issueFeeSlip(tx, { application: before, ctx })
        queueMail(tx, { to: before.contactEmail, template: 'application-fee-due', data: { applicationNo: before.applicationNo, companyName: before.companyName, feeSlipNo: slip.slipNo, amount: slip.amount, dueDate: slip.dueOn }, applicationId: before.id, now: ctx.now })
      } else {
        changed = carryOut(tx, before, ctx)
        queueMail(tx, { to: before.contactEmail, template: 'application-completed', data: { applicationNo: before.applicationNo, companyName: before.companyName, service: before.service }, applicationId: before.id, now: ctx.now })
      }
    }
    const after = findApplication(tx, before.id)!
    insertEvent(tx, { applicationId: before.id, at, actorId: user.id, actorName: user.displayName, action: input.decision === 'reject' ? 'rejected' : 'approved', fromStatus: before.status, toStatus: to, note })
    recordAudit(tx, ctx, { action: input.decision === 'reject' ? 'application.rejected' : 'application.approved', entity: 'application', entityId: before.applicationNo, before: auditSummary(before), after: { ...auditSummary(after), reasonCode: input.reasonCode } })
    return { row: after, crlChanged: changed }
  })
  if (crlChanged) {
    await publishCrl({ db, settings: deps.ca, caName: CUSTOMS_CA, now: ctx.now }).catch((err: unknown) => deps.log.error('CRL publish after decision failed; it is re-signed when next served', { error: String(err) }))
  }
  return toApplication(db, row, user, ctx.now)
}
