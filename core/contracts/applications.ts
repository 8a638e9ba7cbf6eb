import { z } from 'zod'
import type { LocalizedText } from '../i18n'
import { brokerCodeSchema, faxSchema, landlineSchema, mobileSchema, nationalIdSchema, ubnSchema } from '../tw'
import type { ApplicationState } from '../workflow/application'
import { businessTypes, type BusinessType } from './broker-records'
import { customsOfficeCodes, type CustomsOfficeCode } from './offices'
import { cursorQuery, searchText, type CursorPage } from './paging'
import { plainText, requiredText } from './text'

export const services = ['new', 'modify', 'renew', 'revoke', 'suspend', 'unsuspend'] as const
export type Service = (typeof services)[number]
export const serviceNames: Record<Service, LocalizedText> = {
  new: { 'zh-TW': '新申請', en: 'New' },
  modify: { 'zh-TW': '修改', en: 'Modify' },
  renew: { 'zh-TW': '展期', en: 'Renew' },
  revoke: { 'zh-TW': '註銷', en: 'Revoke' },
  suspend: { 'zh-TW': '暫禁', en: 'Suspend' },
  unsuspend: { 'zh-TW': '解禁', en: 'Unsuspend' },
}
export const channels = ['online', 'paper'] as const
export type Channel = (typeof channels)[number]
export const kinds = ['corporate', 'personal'] as const
export type CertificateKindChoice = (typeof kinds)[number]
export const kindNames: Record<CertificateKindChoice, LocalizedText> = {
  corporate: { 'zh-TW': '法人', en: 'Corporate' },
  personal: { 'zh-TW': '個人（專責報關人員）', en: 'Personal (licensed broker)' },
}

const text = requiredText
const optionalText = (max: number) =>
  plainText(max)
    .nullish()
    .transform((v) => (v ? v : null))
const optional = <T extends z.ZodType>(schema: T) => z.union([z.literal('').transform(() => null), z.null(), schema]).optional().transform((v) => v ?? null)

/**
 * The DC02 form's fields, in the paper form's order (seed 002): company, contact, application data.
 * The letter of a broker code is the office's (A 基隆, C 臺北, D 臺中, B 高雄).
 */
export const dc02Shape = {
  ubn: ubnSchema,
  companyName: text(100),
  phone: optional(landlineSchema),
  fax: optional(faxSchema),
  representative: optionalText(50),
  representativePhone: optional(landlineSchema),
  contactName: text(50),
  contactPhone: landlineSchema,
  contactMobile: mobileSchema,
  contactEmail: z.string({ message: 'required' }).trim().max(254, { message: 'tooLong' }).pipe(z.email({ message: 'invalidEmail' })),
  service: z.enum(services, { message: 'invalidOption' }),
  officeCode: z.enum(customsOfficeCodes, { message: 'unknownOffice' }),
  businessType: z.enum(businessTypes, { message: 'invalidOption' }),
  kind: z.enum(kinds, { message: 'invalidOption' }),
  boxNo: z.string({ message: 'required' }).trim().toUpperCase().regex(/^[0-9A-Z]{3}$/, { message: 'boxNoFormat' }),
  brokerCode: optional(brokerCodeSchema),
  brokerNationalId: optional(nationalIdSchema),
  /** the serial of the certificate that modify, renew, revoke, suspend and unsuspend act on */
  targetSerial: optional(z.string().trim().toLowerCase().regex(/^[0-9a-f]{1,40}$/, { message: 'invalidFormat' })),
  privacyConsent: z.literal(true, { message: 'privacyConsentRequired' }),
}

const officeLetter: Record<CustomsOfficeCode, string> = { AA: 'A', CA: 'C', DA: 'D', BA: 'B' }

type Dc02 = z.infer<z.ZodObject<typeof dc02Shape>>
/** The rules between fields: a personal certificate names its broker; services other than new name a certificate. */
export function dc02CrossChecks(v: Partial<Dc02>, ctx: z.RefinementCtx): void {
  if (v.kind === 'personal') {
    if (!v.brokerCode) ctx.addIssue({ code: 'custom', path: ['brokerCode'], message: 'required' })
    if (!v.brokerNationalId) ctx.addIssue({ code: 'custom', path: ['brokerNationalId'], message: 'required' })
    if (v.brokerCode && v.officeCode && v.brokerCode[0] !== officeLetter[v.officeCode]) ctx.addIssue({ code: 'custom', path: ['brokerCode'], message: 'brokerOfficeMismatch' })
  }
  if (v.service && v.service !== 'new' && !v.targetSerial) ctx.addIssue({ code: 'custom', path: ['targetSerial'], message: 'required' })
}

export const dc02Request = z.strictObject(dc02Shape).superRefine(dc02CrossChecks)
export type Dc02Request = z.input<typeof dc02Request>
export type Dc02Data = z.output<typeof dc02Request>

/**
 * A paper draft may be incomplete; what is there must be valid, and '' clears a field. Submitting checks the
 * whole form.
 */
type Clearable<S extends Record<string, z.ZodType>> = { [K in keyof S]: z.ZodOptional<z.ZodUnion<[z.ZodLiteral<''>, S[K]]>> }
const { privacyConsent: _consent, ...draftFields } = dc02Shape
const clearable = Object.fromEntries(Object.entries(draftFields).map(([k, schema]) => [k, z.union([z.literal(''), schema]).optional()])) as Clearable<typeof draftFields>
export const draftRequest = z.strictObject({ ...clearable, privacyConsent: z.boolean().optional() })
export type DraftRequest = z.input<typeof draftRequest>
export const updateDraftRequest = draftRequest.extend({ version: z.number({ message: 'required' }).int().min(1) })
export const versionRequest = z.strictObject({ version: z.number({ message: 'required' }).int().min(1) })

/** Online channel: the company's certificate signs the canonical form of the application (docs/domain.md). */
export const onlineApplicationRequest = z.strictObject({
  application: z.record(z.string(), z.unknown()),
  certificate: z.string({ message: 'required' }).min(1, { message: 'required' }).max(100_000, { message: 'tooLong' }),
  signature: z.string({ message: 'required' }).min(1, { message: 'required' }).max(2_000, { message: 'tooLong' }),
})

export const rejectReasons = {
  'data-mismatch': { 'zh-TW': '申請資料與海關紀錄不符', en: 'The application does not match the customs records' },
  'licence-inactive': { 'zh-TW': '未具有效之業別登記', en: 'No active licence for the business type' },
  'broker-not-qualified': { 'zh-TW': '專責報關人員資格不符', en: 'The broker is not qualified' },
  'broker-not-appointed': { 'zh-TW': '專責報關人員未受委任於該公司', en: 'The broker is not appointed to the firm' },
  duplicate: { 'zh-TW': '已有相同之申請案件處理中', en: 'The same application is already being processed' },
  'target-invalid': { 'zh-TW': '申請之憑證不存在或狀態不符', en: 'The certificate does not exist or is in the wrong state' },
  'documents-incomplete': { 'zh-TW': '申請書或附件不全', en: 'The form or its attachments are incomplete' },
  other: { 'zh-TW': '其他', en: 'Other' },
} as const satisfies Record<string, LocalizedText>
export type RejectReasonCode = keyof typeof rejectReasons

export const prepareRequest = z.strictObject({
  notes: plainText(2000, { multiline: true }).default(''),
  checksReviewed: z.literal(true, { message: 'checksReviewedRequired' }),
  version: z.number({ message: 'required' }).int().min(1),
})

export const decideRequest = z
  .strictObject({
    decision: z.enum(['approve', 'reject'], { message: 'invalidOption' }),
    reasonCode: z.enum(Object.keys(rejectReasons) as [RejectReasonCode, ...RejectReasonCode[]], { message: 'invalidOption' }).optional(),
    reasonText: plainText(1000, { multiline: true }).optional(),
    version: z.number({ message: 'required' }).int().min(1),
  })
  .superRefine((v, ctx) => {
    if (v.decision !== 'reject') return
    if (!v.reasonCode) ctx.addIssue({ code: 'custom', path: ['reasonCode'], message: 'required' })
    if (v.reasonCode === 'other' && !v.reasonText) ctx.addIssue({ code: 'custom', path: ['reasonText'], message: 'required' })
  })
export type DecideRequest = z.input<typeof decideRequest>

export const applicationSortFields = ['submittedAt', 'applicationNo'] as const
export const applicationListQuery = z
  .strictObject({
    q: searchText,
    officeCode: z.enum(customsOfficeCodes, { message: 'unknownOffice' }).optional(),
    status: z.enum(['draft', '00', 'R0', '10', '20', 'A0', 'A9'], { message: 'invalidOption' }).optional(),
    channel: z.enum(channels, { message: 'invalidOption' }).optional(),
    service: z.enum(services, { message: 'invalidOption' }).optional(),
    kind: z.enum(kinds, { message: 'invalidOption' }).optional(),
    /** submitted between these Taipei calendar dates, inclusive */
    from: z.iso.date({ message: 'invalidDate' }).optional(),
    to: z.iso.date({ message: 'invalidDate' }).optional(),
    /** only those waiting longer than the office's service level */
    overdue: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
    sort: z.enum(applicationSortFields, { message: 'invalidOption' }).default('submittedAt'),
    order: z.enum(['asc', 'desc'], { message: 'invalidOption' }).default('asc'),
    ...cursorQuery,
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: 'dateRange', path: ['to'] })
export type ApplicationListQuery = z.input<typeof applicationListQuery>

export interface ApplicationSummary {
  id: number
  applicationNo: string
  status: ApplicationState
  channel: Channel
  service: Service
  kind: CertificateKindChoice
  officeCode: CustomsOfficeCode
  ubn: string
  companyName: string
  brokerCode: string | null
  submittedAt: string | null
  /** whole days since it was received, and whether that exceeds the office's service level */
  ageDays: number | null
  overdue: boolean
  version: number
}
export type ApplicationPage = CursorPage<ApplicationSummary>

export type CheckResult = 'pass' | 'warn' | 'fail'
export interface RecordCheck {
  id: string
  label: LocalizedText
  applicationValue: string | null
  recordValue: string | null
  result: CheckResult
  reason?: LocalizedText
}

export interface ApplicationEvent {
  at: string
  actorName: string | null
  action: string
  fromStatus: string | null
  toStatus: string | null
  note: string | null
}

export interface AttachmentInfo {
  id: number
  fileName: string
  contentType: string
  size: number
  uploadedAt: string
}

export interface FeeSlipSummary {
  slipNo: string
  amount: number
  issuedOn: string
  dueOn: string
  status: 'unpaid' | 'paid' | 'void'
}

export interface Application extends ApplicationSummary {
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
  privacyConsent: boolean
  keyedBy: string | null
  preparedBy: string | null
  prepareNotes: string | null
  decidedBy: string | null
  rejectReasonCode: RejectReasonCode | null
  rejectReason: string | null
  /** what the signed-in staff member may do with it now (four-eyes, status, role) */
  can: { edit: boolean; submit: boolean; prepare: boolean; decide: boolean }
  checks: RecordCheck[]
  events: ApplicationEvent[]
  attachments: AttachmentInfo[]
  feeSlip: FeeSlipSummary | null
  /** online channel: who signed it */
  signer: { subject: string; serialHex: string } | null
}

/**
 * Key generation (seed 002, 產製憑證): the browser makes the key pair and a PKCS #10 request, and the company
 * certificate signs the canonical JSON of `{ applicationNo, csr, signedAt }`. The private key never leaves
 * the browser; this body carries only the request.
 */
export const issueCertificateRequest = z.strictObject({
  csr: z.string({ message: 'required' }).min(1, { message: 'required' }).max(20_000, { message: 'tooLong' }),
  signedAt: z.string({ message: 'required' }).max(40, { message: 'tooLong' }),
  certificate: z.string({ message: 'required' }).min(1, { message: 'required' }).max(100_000, { message: 'tooLong' }),
  signature: z.string({ message: 'required' }).min(1, { message: 'required' }).max(2_000, { message: 'tooLong' }),
})

export interface IssuedCertificateResponse {
  serialHex: string
  subject: string
  notAfter: string
  /** base64 DER: the .cer file */
  certificate: string
  /** letters and digits only (seed 002), without the extension */
  fileName: string
}
