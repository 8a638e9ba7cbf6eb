import { z } from 'zod'
import type { ApplicationState } from '../workflow/application'
import { maskPersonId } from '../tw'
import { plainText, requiredText } from './text'

/** One search box (issue 7): account id, national ID, UBN, broker code, certificate serial, application or fee slip number. */
export const lookupQuery = z.strictObject({
  q: requiredText(100),
})

/**
 * What a search found: a firm (by UBN) or a person. A person's ref never carries the ID number, so that
 * addresses and logs do not: `broker:A00001` for a licensed broker, `account:12` for a portal account.
 */
export type LookupMatch = { kind: 'firm'; ubn: string; label: string } | { kind: 'person'; ref: string; label: string }
export interface LookupResult {
  matches: LookupMatch[]
  /** what the text was read as, e.g. 'ubn', 'brokerCode', 'serial' */
  readAs: string | null
}

export const personRef = z.string().regex(/^(?:broker:[A-D]\d{5}|account:\d{1,9})$/, { message: 'invalidFormat' })

/** Seed 001's table: 憑證型態, 憑證種類, 用途, 憑證資訊. */
export interface LookupCertificateRow {
  form: 'ic' | 'file'
  kind: string
  use: 'login' | 'signing'
  serialHex: string
  subject: string
  notBefore: string | null
  notAfter: string
  state: string
}
export interface LookupAccount {
  id: number
  accountId: string
  category: 'individual' | 'company'
  name: string
  email: string
  migrated: boolean
  hasPassword: boolean
  lastLoginAt: string | null
}
export interface LookupApplication {
  id: number
  applicationNo: string
  service: string
  status: ApplicationState | 'draft'
  createdAt: string
}
export interface LookupFeeSlip {
  slipNo: string
  applicationNo: string
  amount: number
  status: 'unpaid' | 'paid' | 'void'
  dueOn: string
}
export interface LookupAppointment {
  brokerCode: string
  brokerName: string
  ubn: string
  firmName: string
  fromDate: string
  toDate: string | null
  status: 'active' | 'ended'
}

interface ProfileLists {
  accounts: LookupAccount[]
  certificates: LookupCertificateRow[]
  applications: LookupApplication[]
  feeSlips: LookupFeeSlip[]
  appointments: LookupAppointment[]
}
export interface FirmProfile extends ProfileLists {
  ubn: string
  name: string
  representative: string | null
  maskedPhone: string | null
  officeCode: string | null
}
export interface PersonProfile extends ProfileLists {
  ref: string
  name: string
  maskedIdNumber: string | null
  maskedPhone: string | null
  brokerCode: string | null
  qualificationStatus: 'qualified' | 'disqualified' | null
}

export const revealRequest = z.strictObject({
  ref: z.string().regex(/^(?:broker:[A-D]\d{5}|account:\d{1,9}|firm:\d{8})$/, { message: 'invalidFormat' }),
  field: z.enum(['idNumber', 'phone'], { message: 'invalidOption' }),
  reason: plainText(200, { multiline: true }).min(2, { message: 'tooShort' }),
})
export type RevealRequest = z.infer<typeof revealRequest>

/** 0912345678 → 0912***678; 02-25505500#12 → 02-25***500#12: enough to recognise, not to call. */
export function maskPhone(value: string | null | undefined): string | null {
  if (!value) return null
  const [main = '', ext] = value.split('#')
  const masked = main.length <= 7 ? main.replace(/\d(?=\d{2})/g, '*') : `${main.slice(0, main.length - 6)}***${main.slice(-3)}`
  return ext ? `${masked}#${ext}` : masked
}

export const maskIdNumber = (value: string | null | undefined): string | null => (value ? maskPersonId(value) : null)
