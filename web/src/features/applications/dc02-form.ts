import type { Application, CertificateKindChoice, DraftRequest, Service } from '@core/contracts/applications'
import type { BusinessType } from '@core/contracts/broker-records'
import type { CustomsOfficeCode } from '@core/contracts/offices'
import { formatLandline, normalizeMobile, toHalfWidth } from '@core/tw'
import type { FieldIssue } from '@web/app/validation'

/** The DC02 fields in the paper form's order (seed 002): company, contact, application data, consent. */
export const dc02Fields = [
  'ubn', 'companyName', 'phone', 'fax', 'representative', 'representativePhone',
  'contactName', 'contactPhone', 'contactMobile', 'contactEmail',
  'service', 'officeCode', 'businessType', 'kind', 'boxNo', 'brokerCode', 'brokerNationalId', 'targetSerial',
  'privacyConsent',
] as const
export type Dc02Field = (typeof dc02Fields)[number]

/** The form as it is being keyed: text as typed, '' for a choice not made yet. */
export interface Dc02Form {
  ubn: string
  companyName: string
  phone: string
  fax: string
  representative: string
  representativePhone: string
  contactName: string
  contactPhone: string
  contactMobile: string
  contactEmail: string
  service: Service | ''
  officeCode: CustomsOfficeCode | ''
  businessType: BusinessType | ''
  kind: CertificateKindChoice | ''
  boxNo: string
  brokerCode: string
  brokerNationalId: string
  targetSerial: string
  privacyConsent: boolean
}
export type Dc02TextField = Exclude<Dc02Field, 'privacyConsent'>

/** Fields the contract lets be null: sent as null when left empty (a draft clears them that way). */
const nullable: ReadonlySet<Dc02Field> = new Set(['phone', 'fax', 'representative', 'representativePhone', 'brokerCode', 'brokerNationalId', 'targetSerial'])

export function emptyForm(): Dc02Form {
  return {
    ubn: '', companyName: '', phone: '', fax: '', representative: '', representativePhone: '',
    contactName: '', contactPhone: '', contactMobile: '', contactEmail: '',
    service: 'new', officeCode: '', businessType: '', kind: '', boxNo: '', brokerCode: '', brokerNationalId: '', targetSerial: '',
    privacyConsent: false,
  }
}

/** A saved draft back into the form; a draft may hold nulls (or '') where nothing was keyed yet. */
export function formFromApplication(app: Application): Dc02Form {
  const form = emptyForm()
  const source = app as unknown as Record<string, unknown>
  for (const field of dc02Fields) {
    const value = source[field]
    if (field === 'privacyConsent') form.privacyConsent = value === true
    else if (typeof value === 'string') (form as unknown as Record<string, string>)[field] = value
  }
  return form
}

/** Broker fields belong to the personal kind only; every service but 新申請 names a certificate. */
export function isFieldShown(form: Dc02Form, field: Dc02Field): boolean {
  if (field === 'brokerCode' || field === 'brokerNationalId') return form.kind === 'personal'
  if (field === 'targetSerial') return form.service !== '' && form.service !== 'new'
  return true
}

/** What typing does to a field: phones take their canonical form, IDs and codes go upper case. */
export const typingNormalizers: Partial<Record<Dc02TextField, (value: string) => string>> = {
  ubn: (v) => toHalfWidth(v).replace(/\D/g, '').slice(0, 8),
  phone: formatLandline,
  fax: formatLandline,
  representativePhone: formatLandline,
  contactPhone: formatLandline,
  contactMobile: (v) => normalizeMobile(v).slice(0, 12),
  boxNo: (v) => toHalfWidth(v).replace(/\s/g, '').toUpperCase(),
  brokerCode: (v) => toHalfWidth(v).replace(/\s/g, '').toUpperCase(),
  brokerNationalId: (v) => toHalfWidth(v).replace(/\s/g, '').toUpperCase(),
  // serials are often copied as 1A:2B:3C: the contract wants plain lower-case hex
  targetSerial: (v) => toHalfWidth(v).replace(/[\s:]/g, '').toLowerCase(),
}

function valueFor(form: Dc02Form, field: Dc02Field): string | boolean | null {
  if (field === 'privacyConsent') return form.privacyConsent
  if (!isFieldShown(form, field)) return null
  const value = form[field].trim()
  return value === '' && nullable.has(field) ? null : value
}

/**
 * The whole form for submit-time validation with dc02Request: every field, '' where nothing was keyed
 * (so the contract names it as missing), null for fields that do not apply to this kind or service.
 */
export function submitBody(form: Dc02Form): Record<Dc02Field, string | boolean | null> {
  return Object.fromEntries(dc02Fields.map((field) => [field, valueFor(form, field)])) as Record<Dc02Field, string | boolean | null>
}

/**
 * A draft carries what has been keyed: empty optional fields as null (clearing them), empty required
 * ones left out, since the contract accepts no empty value for those.
 */
export function draftBody(form: Dc02Form): DraftRequest {
  const body: Record<string, unknown> = {}
  for (const field of dc02Fields) {
    const value = valueFor(form, field)
    if (value !== '') body[field] = value
  }
  return body as DraftRequest
}

/** The first field, in form order, that has an error: where the cursor goes after a failed submit. */
export function firstErrorField(errors: Record<string, unknown>): Dc02Field | undefined {
  return dc02Fields.find((field) => field in errors)
}

const choices = ['service', 'officeCode', 'businessType', 'kind'] as const

/** A choice not made yet is missing, not "no such office": the contract's enum message fits a wrong value. */
export function withRequiredChoices(issues: Record<string, FieldIssue>, form: Dc02Form): Record<string, FieldIssue> {
  const out = { ...issues }
  for (const field of choices) if (out[field] && form[field] === '') out[field] = { key: 'required' }
  return out
}
