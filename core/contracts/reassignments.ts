import { z } from 'zod'
import type { LocalizedText } from '../i18n'
import { brokerCodeSchema, isIsoDate, ubnSchema } from '../tw'
import type { QualificationStatus } from './broker-records'
import { cursorQuery, type CursorPage } from './paging'
import { plainText } from './text'

/**
 * 專責報關人員異動 (seed 003 §參.二, DOMAIN.md §7): a broker leaves a firm (離職), moves to another firm (轉任) or
 * loses the qualification (喪失資格). The first two are carried out when the clerk records them; a
 * disqualification is filed by a clerk and carried out when a supervisor approves it.
 */
export const reassignmentKinds = ['resignation', 'transfer', 'disqualification'] as const
export type ReassignmentKind = (typeof reassignmentKinds)[number]
export const reassignmentKindNames: Record<ReassignmentKind, LocalizedText> = {
  resignation: { 'zh-TW': '離職', en: 'Resignation' },
  transfer: { 'zh-TW': '轉任', en: 'Transfer' },
  disqualification: { 'zh-TW': '喪失資格', en: 'Disqualification' },
}

export const reassignmentStatuses = ['pending', 'done', 'rejected'] as const
export type ReassignmentStatus = (typeof reassignmentStatuses)[number]
export const reassignmentStatusNames: Record<ReassignmentStatus, LocalizedText> = {
  pending: { 'zh-TW': '待主管核定', en: 'Awaiting approval' },
  done: { 'zh-TW': '已完成', en: 'Done' },
  rejected: { 'zh-TW': '已駁回', en: 'Rejected' },
}

/** What the firm brings for a resignation (seed 003): the form, the exam certificate and the 報關證, all three. */
export const resignationDocuments = ['form', 'examCertificate', 'brokerCard'] as const
export type ResignationDocument = (typeof resignationDocuments)[number]
export const resignationDocumentNames: Record<ResignationDocument, LocalizedText> = {
  form: { 'zh-TW': '申請書（經報關公會報備核章）', en: "Application form (stamped by the brokers' association)" },
  examCertificate: { 'zh-TW': '考試及格（資格測驗合格）證書', en: 'Exam (qualification test) certificate' },
  brokerCard: { 'zh-TW': '報關證', en: "Broker's pass (報關證)" },
}

/** A calendar date `YYYY-MM-DD` that exists; whether it may lie in the future is the server's rule. */
const calendarDate = z.string({ message: 'required' }).refine(isIsoDate, { message: 'invalidDate' })
const received = z.literal(true, { message: 'documentRequired' })
const reasonText = plainText(500, { required: true, multiline: true })
const version = z.number({ message: 'required' }).int().min(1)

/** 離職: the firm, the broker, the documents received (each ticked) and the day the appointment ended. */
export const resignationRequest = z.strictObject({
  ubn: ubnSchema,
  brokerCode: brokerCodeSchema,
  documents: z.strictObject({ form: received, examCertificate: received, brokerCard: received }, { message: 'required' }),
  endDate: calendarDate,
})
export type ResignationRequest = z.input<typeof resignationRequest>

/** 轉任: the broker, the new firm and the first day there; `officeChecked` is the clerk's word that the office checked the new appointment. */
export const transferRequest = z.strictObject({
  brokerCode: brokerCodeSchema,
  toUbn: ubnSchema,
  startDate: calendarDate,
  officeChecked: z.literal(true, { message: 'officeCheckRequired' }),
})
export type TransferRequest = z.input<typeof transferRequest>

/** 喪失資格: the broker, the day the qualification was lost and why. */
export const disqualificationRequest = z.strictObject({ brokerCode: brokerCodeSchema, effectiveDate: calendarDate, reason: reasonText })
export type DisqualificationRequest = z.input<typeof disqualificationRequest>

/** A supervisor's decision is made on the version the supervisor saw, so two racing decisions have one effect. */
export const approveRequest = z.strictObject({ version })
export const rejectRequest = z.strictObject({ version, reason: reasonText })
export type RejectRequest = z.input<typeof rejectRequest>

export const reassignmentListQuery = z.strictObject({
  brokerCode: brokerCodeSchema.optional(),
  /** the firm the broker left or joined */
  ubn: ubnSchema.optional(),
  kind: z.enum(reassignmentKinds, { message: 'invalidOption' }).optional(),
  status: z.enum(reassignmentStatuses, { message: 'invalidOption' }).optional(),
  ...cursorQuery,
})
export type ReassignmentListQuery = z.input<typeof reassignmentListQuery>

export const brokerCodeParam = z.strictObject({ code: brokerCodeSchema })

export interface Reassignment {
  id: number
  kind: ReassignmentKind
  status: ReassignmentStatus
  brokerCode: string
  brokerName: string | null
  /** the firm left: resignation, transfer (the old firm) */
  fromUbn: string | null
  fromFirmName: string | null
  /** the firm joined: transfer */
  toUbn: string | null
  toFirmName: string | null
  /** resignation: the last day; transfer: the first day at the new firm; disqualification: the day it was lost */
  effectiveDate: string
  documents: Partial<Record<ResignationDocument | 'officeChecked', boolean>> | null
  reason: string | null
  requestedBy: string
  requestedAt: string
  decidedBy: string | null
  decidedAt: string | null
  rejectReason: string | null
  version: number
  /** whether the signed-in user may decide it now (a supervisor of its office who did not file it) */
  can: { decide: boolean }
}
export type ReassignmentPage = CursorPage<Reassignment>

/** What an action did, for the clerk's confirmation message. */
export interface ReassignmentOutcome {
  reassignment: Reassignment
  appointmentsEnded: number
  appointmentStarted: boolean
  /** serials of the signing-certificate registrations deleted */
  registrationsDeleted: string[]
  certificatesRevoked: string[]
  /** the firm's addresses the notice went to */
  mailedTo: string[]
}

export const timelineEventTypes = [
  'appointment-started',
  'appointment-ended',
  'reassignment-recorded',
  'reassignment-filed',
  'reassignment-approved',
  'reassignment-rejected',
  'certificate-issued',
  'certificate-held',
  'certificate-released',
  'certificate-revoked',
  'registration-added',
  'registration-removed',
] as const
export type TimelineEventType = (typeof timelineEventTypes)[number]

/** One line of a broker's history; `at` is a calendar date (appointments) or an instant. */
export interface TimelineEvent {
  at: string
  type: TimelineEventType
  ubn: string | null
  firmName: string | null
  serialHex: string | null
  reassignmentId: number | null
  reassignmentKind: ReassignmentKind | null
  actorName: string | null
  /** a revocation reason, a registration's deletion reason, a reassignment's reason */
  detail: string | null
}

export interface BrokerTimeline {
  brokerCode: string
  brokerName: string
  qualificationStatus: QualificationStatus
  /** newest first */
  events: TimelineEvent[]
}

/** Why a registration was deleted, when this product deleted it rather than its owner. */
export const registrationDeletionReasonNames: Record<'resignation' | 'transfer' | 'disqualification', LocalizedText> = {
  resignation: { 'zh-TW': '專責報關人員離職', en: 'Broker resigned' },
  transfer: { 'zh-TW': '專責報關人員轉任，由新任業者重新註冊', en: 'Broker transferred; registered again by the new firm' },
  disqualification: { 'zh-TW': '專責報關人員喪失資格', en: 'Broker disqualified' },
}
