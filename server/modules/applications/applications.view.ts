import type { Application, ApplicationSummary } from '../../../core/contracts/applications'
import type { SessionUser } from '../../../core/contracts/auth'
import type { Db } from '../../../db/client'
import { reviewSlaDays } from '../../lib/settings'
import { feeSlipOf } from '../fee-slips/fee-slips.service'
import { checksFor } from './applications.records'
import { listAttachments, listEvents, staffNames, type ApplicationRow } from './applications.repo'

const DAY_MS = 86_400_000

export function toSummary(row: ApplicationRow, slaDays: number, now: Date): ApplicationSummary {
  const ageDays = row.submittedAt ? Math.floor((now.getTime() - Date.parse(row.submittedAt)) / DAY_MS) : null
  return {
    id: row.id,
    applicationNo: row.applicationNo,
    status: row.status,
    channel: row.channel,
    service: row.service,
    kind: row.kind,
    officeCode: row.officeCode as ApplicationSummary['officeCode'],
    ubn: row.ubn,
    companyName: row.companyName,
    brokerCode: row.brokerCode,
    submittedAt: row.submittedAt,
    ageDays,
    overdue: row.status === '00' && ageDays !== null && ageDays > slaDays,
    version: row.version,
  }
}

/** Four-eyes: whoever keyed or prepared an application may not decide it. */
export function mayDecide(user: SessionUser, row: ApplicationRow): boolean {
  return user.roles.includes('supervisor') && row.status === '00' && row.keyedBy !== user.id && row.preparedBy !== user.id
}

/** The full application as the review desk shows it, with the record checks run against the records now. */
export function toApplication(db: Db, row: ApplicationRow, user: SessionUser, now: Date): Application {
  const events = listEvents(db, row.id)
  const names = staffNames(db, [row.keyedBy, row.preparedBy, row.decidedBy])
  const slip = feeSlipOf(db, row.id)
  const clerk = user.roles.includes('clerk')
  return {
    ...toSummary(row, reviewSlaDays(db, row.officeCode), now),
    phone: row.phone,
    fax: row.fax,
    representative: row.representative,
    representativePhone: row.representativePhone,
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    contactMobile: row.contactMobile,
    contactEmail: row.contactEmail,
    businessType: row.businessType as Application['businessType'],
    boxNo: row.boxNo,
    brokerNationalId: row.brokerNationalId,
    targetSerial: row.targetSerial,
    privacyConsent: row.privacyConsent,
    keyedBy: row.keyedBy ? (names.get(row.keyedBy) ?? null) : null,
    preparedBy: row.preparedBy ? (names.get(row.preparedBy) ?? null) : null,
    prepareNotes: row.prepareNotes,
    decidedBy: row.decidedBy ? (names.get(row.decidedBy) ?? null) : null,
    rejectReasonCode: row.rejectReasonCode as Application['rejectReasonCode'],
    rejectReason: row.rejectReason,
    can: { edit: clerk && row.status === 'draft', submit: clerk && row.status === 'draft', prepare: clerk && row.status === '00', decide: mayDecide(user, row) },
    // A draft shows only the duplicate check: the clerk learns of an open application before submitting.
    checks: row.status === 'draft' ? checksFor(db, row, now).filter((c) => c.id === 'noOpenDuplicate') : checksFor(db, row, now),
    events: events.map((e) => ({ at: e.at, actorName: e.actorName, action: e.action, fromStatus: e.fromStatus, toStatus: e.toStatus, note: e.note })),
    attachments: listAttachments(db, row.id).map((a) => ({ id: a.id, fileName: a.fileName, contentType: a.contentType, size: a.size, uploadedAt: a.uploadedAt })),
    feeSlip: slip && { slipNo: slip.slipNo, amount: slip.amount, issuedOn: slip.issuedOn, dueOn: slip.dueOn, status: slip.status },
    signer: null,
  }
}
