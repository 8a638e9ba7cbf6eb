import type { PortalApplication, PortalApplicationSummary, PortalTimelineEntry } from '../../../core/contracts/applications-portal'
import type { ApplicationStatus } from '../../../core/workflow/application-status'
import type { Db } from '../../../db/client'
import { feeSlipOf } from '../fee-slips/fee-slips.service'
import { listEvents, type ApplicationRow } from './applications.repo'

const OPEN: readonly string[] = ['00', '10', '20']

/** The steps a company sees, and those whose note is meant for it; the review desk's own steps stay inside. */
const SHOWN = new Set<PortalTimelineEntry['action']>(['received', 'submitted', 'approved', 'rejected', 'paid', 'expired', 'issued', 'contactChanged'])
const NOTE_SHOWN = new Set<string>(['rejected', 'issued', 'contactChanged'])

/** The portal never sees a draft (a paper form still being keyed), so the status is always a portal code. */
export function toPortalSummary(db: Db, row: ApplicationRow): PortalApplicationSummary {
  return {
    id: row.id,
    applicationNo: row.applicationNo,
    status: row.status as ApplicationStatus,
    channel: row.channel,
    service: row.service,
    kind: row.kind,
    officeCode: row.officeCode as PortalApplicationSummary['officeCode'],
    companyName: row.companyName,
    brokerCode: row.brokerCode,
    submittedAt: row.submittedAt,
    feeSlipNo: feeSlipOf(db, row.id)?.slipNo ?? null,
    version: row.version,
  }
}

export function toPortalApplication(db: Db, row: ApplicationRow): PortalApplication {
  const slip = feeSlipOf(db, row.id)
  const timeline = listEvents(db, row.id)
    .filter((e) => SHOWN.has(e.action as PortalTimelineEntry['action']))
    .map((e) => ({ at: e.at, action: e.action as PortalTimelineEntry['action'], fromStatus: e.fromStatus, toStatus: e.toStatus, note: NOTE_SHOWN.has(e.action) ? e.note : null }))
  return {
    ...toPortalSummary(db, row),
    ubn: row.ubn,
    phone: row.phone,
    fax: row.fax,
    representative: row.representative,
    representativePhone: row.representativePhone,
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    contactMobile: row.contactMobile,
    contactEmail: row.contactEmail,
    businessType: row.businessType as PortalApplication['businessType'],
    boxNo: row.boxNo,
    brokerNationalId: row.brokerNationalId,
    targetSerial: row.targetSerial,
    rejectReasonCode: row.rejectReasonCode as PortalApplication['rejectReasonCode'],
    rejectReason: row.rejectReason,
    feeSlip: slip && { slipNo: slip.slipNo, amount: slip.amount, issuedOn: slip.issuedOn, dueOn: slip.dueOn, status: slip.status },
    timeline,
    can: { changeContact: OPEN.includes(row.status), generateKey: row.status === '20' },
  }
}
