import { z } from 'zod'
import type { LocalizedText } from '../i18n'
import type { CertificateInfo } from '../pki'
import { brokerCodeSchema, ubnSchema } from '../tw'
import type { ApplicationState } from '../workflow/application'
import type { CertificateKindChoice } from './applications'
import { customsOfficeCodes, type CustomsOfficeCode } from './offices'
import { cursorQuery, searchText, type CursorPage } from './paging'
import { plainText } from './text'

export const certificateStatuses = ['valid', 'suspended', 'revoked'] as const
export type CertificateStatus = (typeof certificateStatuses)[number]
export const certificateStatusNames: Record<CertificateStatus, LocalizedText> = {
  valid: { 'zh-TW': '有效', en: 'Valid' },
  suspended: { 'zh-TW': '暫禁', en: 'On hold' },
  revoked: { 'zh-TW': '已廢止', en: 'Revoked' },
}

/** The reasons a supervisor may give for revoking (RFC 5280 §5.3.1); certificateHold is the hold action. */
export const revocationReasons = ['keyCompromise', 'affiliationChanged', 'superseded', 'cessationOfOperation', 'privilegeWithdrawn', 'unspecified'] as const
export type RevocationReason = (typeof revocationReasons)[number]
export const revocationReasonNames: Record<RevocationReason | 'certificateHold', LocalizedText> = {
  keyCompromise: { 'zh-TW': '金鑰洩漏', en: 'Key compromise' },
  affiliationChanged: { 'zh-TW': '隸屬關係變更', en: 'Affiliation changed' },
  superseded: { 'zh-TW': '已被取代', en: 'Superseded' },
  cessationOfOperation: { 'zh-TW': '停止營運', en: 'Cessation of operation' },
  privilegeWithdrawn: { 'zh-TW': '權限撤銷', en: 'Privilege withdrawn' },
  unspecified: { 'zh-TW': '未指定', en: 'Unspecified' },
  certificateHold: { 'zh-TW': '暫禁', en: 'Certificate hold' },
}

/**
 * A serial as people type it: hex with or without colons, spaces or leading zeros, any case. The canonical
 * form is what inspectCertificate reports: lower-case, whole bytes, no leading zero byte.
 */
export function normalizeSerial(text: string): string | null {
  const hex = text.replace(/[\s:-]/g, '').toLowerCase()
  if (!/^[0-9a-f]+$/.test(hex)) return null
  const digits = hex.replace(/^0+/, '') || '0'
  if (digits.length > 40) return null
  return digits.length % 2 ? `0${digits}` : digits
}

export const serialParam = z.object({
  serial: z.string().max(120, { message: 'tooLong' }).transform((v, ctx) => {
    const serial = normalizeSerial(v)
    if (!serial) {
      ctx.addIssue({ code: 'custom', message: 'invalidFormat' })
      return z.NEVER
    }
    return serial
  }),
})

export const certificateSortFields = ['notAfter', 'serial'] as const
export const expiryWindows = ['30', '60', '90'] as const

export const certificateListQuery = z
  .strictObject({
    /** a serial, UBN or broker code: whichever it can be */
    q: searchText,
    ubn: ubnSchema.optional(),
    brokerCode: brokerCodeSchema.optional(),
    status: z.enum(certificateStatuses, { message: 'invalidOption' }).optional(),
    officeCode: z.enum(customsOfficeCodes, { message: 'unknownOffice' }).optional(),
    /** not yet expired, and expiring within this many days */
    expiresWithinDays: z.enum(expiryWindows, { message: 'invalidOption' }).optional(),
    /** expiring between these Taipei calendar dates, inclusive */
    expiresFrom: z.iso.date({ message: 'invalidDate' }).optional(),
    expiresTo: z.iso.date({ message: 'invalidDate' }).optional(),
    sort: z.enum(certificateSortFields, { message: 'invalidOption' }).default('notAfter'),
    order: z.enum(['asc', 'desc'], { message: 'invalidOption' }).default('asc'),
    ...cursorQuery,
  })
  .refine((v) => !v.expiresFrom || !v.expiresTo || v.expiresFrom <= v.expiresTo, { message: 'dateRange', path: ['expiresTo'] })
export type CertificateListQuery = z.input<typeof certificateListQuery>

export interface CertificateSummary {
  serialHex: string
  kind: CertificateKindChoice
  subjectDn: string
  ubn: string
  brokerCode: string | null
  officeCode: CustomsOfficeCode
  status: CertificateStatus
  notBefore: string
  notAfter: string
}
export type CertificatePage = CursorPage<CertificateSummary>

export type CertificateEventType = 'applied' | 'issued' | 'registered' | 'held' | 'released' | 'revoked'
export interface CertificateEvent {
  at: string
  type: CertificateEventType
  actorName: string | null
  reason: string | null
  note: string | null
  /** the application event only */
  application?: { id: number; applicationNo: string; status: ApplicationState }
}

export interface Certificate extends CertificateSummary {
  caName: string
  applicationId: number | null
  revokedAt: string | null
  revocationReason: string | null
  createdAt: string
  /** parsed from the stored DER; null for rows without one (benchmark data) */
  parsed: Pick<CertificateInfo, 'serialHex' | 'subject' | 'issuer' | 'notBefore' | 'notAfter' | 'signatureAlgorithm' | 'sha256Fingerprint' | 'publicKey'> & {
    keyUsage: string[]
    extendedKeyUsage: string[]
    policies: string[]
    crlDistributionPoints: string[]
  } | null
  timeline: CertificateEvent[]
  can: { revoke: boolean; hold: boolean; release: boolean; download: boolean }
}

const note = plainText(1000, { multiline: true }).optional().transform((v) => v || null)
export const revokeRequest = z.strictObject({ reason: z.enum(revocationReasons, { message: 'invalidOption' }), note })
export type RevokeRequest = z.input<typeof revokeRequest>
export const holdRequest = z.strictObject({ note })
export type HoldRequest = z.input<typeof holdRequest>
