import { z } from 'zod'
import { applicationStatuses, type ApplicationStatus } from '../workflow/application-status'
import type { BusinessType } from './broker-records'
import { dc02Shape, services, type CertificateKindChoice, type Channel, type FeeSlipSummary, type RejectReasonCode, type Service } from './applications'
import type { CustomsOfficeCode } from './offices'
import { cursorQuery, type CursorPage } from './paging'

/**
 * The portal's side of the DC02 workflow (seed 002, 「(DC02)通關專屬憑證申請」): a signed-in company sees and
 * acts on its own applications only. The UBN is never a parameter: the server takes it from the session.
 */

/** The query screen of seed 002: date range, service and status (the UBN is fixed). Newest first. */
export const portalApplicationListQuery = z
  .strictObject({
    service: z.enum(services, { message: 'invalidOption' }).optional(),
    status: z.enum(applicationStatuses, { message: 'invalidOption' }).optional(),
    /** received between these Taipei calendar dates, inclusive */
    from: z.iso.date({ message: 'invalidDate' }).optional(),
    to: z.iso.date({ message: 'invalidDate' }).optional(),
    ...cursorQuery,
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: 'dateRange', path: ['to'] })
export type PortalApplicationListQuery = z.input<typeof portalApplicationListQuery>

/** 修改 while the application is open: the contact data only (every notice goes to this e-mail). */
export const contactChangeRequest = z.strictObject({
  contactName: dc02Shape.contactName,
  contactPhone: dc02Shape.contactPhone,
  contactMobile: dc02Shape.contactMobile,
  contactEmail: dc02Shape.contactEmail,
  version: z.number({ message: 'required' }).int().min(1),
})
export type ContactChangeRequest = z.input<typeof contactChangeRequest>
export const contactFields = ['contactName', 'contactPhone', 'contactMobile', 'contactEmail'] as const

/** One row of the company's list: what seed 002's result table shows. */
export interface PortalApplicationSummary {
  id: number
  applicationNo: string
  status: ApplicationStatus
  channel: Channel
  service: Service
  kind: CertificateKindChoice
  officeCode: CustomsOfficeCode
  companyName: string
  brokerCode: string | null
  submittedAt: string | null
  feeSlipNo: string | null
  version: number
}
export type PortalApplicationPage = CursorPage<PortalApplicationSummary>

/**
 * A step of the application as the company sees it: no staff names, and notes only where they are meant for
 * the applicant (the rejection reason, the certificate issued, its own contact change).
 */
export interface PortalTimelineEntry {
  at: string
  action: 'received' | 'submitted' | 'approved' | 'rejected' | 'paid' | 'expired' | 'issued' | 'contactChanged'
  fromStatus: string | null
  toStatus: string | null
  note: string | null
}

export interface PortalApplication extends PortalApplicationSummary {
  ubn: string
  phone: string | null
  fax: string | null
  representative: string | null
  representativePhone: string | null
  contactName: string
  contactPhone: string
  contactMobile: string
  contactEmail: string
  businessType: BusinessType
  boxNo: string
  brokerNationalId: string | null
  targetSerial: string | null
  rejectReasonCode: RejectReasonCode | null
  rejectReason: string | null
  feeSlip: FeeSlipSummary | null
  timeline: PortalTimelineEntry[]
  /** what the company may do now: change the contact while open (00/10/20), generate the key at 20 */
  can: { changeContact: boolean; generateKey: boolean }
}
