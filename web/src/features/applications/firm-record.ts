import type { FirmDetail } from '@core/contracts/broker-records'
import { customsOfficeCodes } from '@core/contracts/offices'
import { formatLandline } from '@core/tw'
import type { Dc02Form } from './dc02-form'

/** What the DC02 form takes from a firm's record (GET /api/broker-records/firms/:ubn answers a FirmDetail). */
export type FirmPrefill = Pick<FirmDetail, 'ubn' | 'name' | 'representative' | 'phone' | 'officeCode' | 'boxNo'>

/** The form fields a firm record fills in, and so the ones whose difference from the record is shown. */
export const firmFields = ['companyName', 'phone', 'representative', 'officeCode', 'boxNo'] as const
export type FirmField = (typeof firmFields)[number]

function recordValue(firm: FirmPrefill, field: FirmField): string {
  switch (field) {
    case 'companyName':
      return firm.name ?? ''
    case 'phone':
      return firm.phone ? formatLandline(firm.phone) : ''
    case 'boxNo':
      return (firm.boxNo ?? '').toUpperCase()
    case 'officeCode':
      // headquarters (I) receives no applications: nothing to fill in or compare
      return (customsOfficeCodes as readonly string[]).includes(firm.officeCode) ? firm.officeCode : ''
    default:
      return firm[field] ?? ''
  }
}

const same = (field: FirmField, formValue: string, record: string) =>
  field === 'boxNo' ? formValue.trim().toUpperCase() === record : formValue.trim() === record

/**
 * The values to fill in from the record: into empty fields, and into fields that still hold what an
 * earlier record put there (the clerk corrected the UBN), never over what the clerk typed.
 */
export function prefillFromFirm(form: Dc02Form, firm: FirmPrefill, autoFilled: Partial<Record<FirmField, string>> = {}): Partial<Record<FirmField, string>> {
  const out: Partial<Record<FirmField, string>> = {}
  for (const field of firmFields) {
    const value = recordValue(firm, field)
    const current = form[field]
    const replaceable = current === '' || (autoFilled[field] !== undefined && autoFilled[field] === current)
    if (value && replaceable && current !== value) out[field] = value
  }
  return out
}

/** Fields whose keyed value differs from the record, with the record's value, for a 「與紀錄不同」 hint. */
export function recordDifferences(form: Dc02Form, firm: FirmPrefill | null | undefined): Partial<Record<FirmField, string>> {
  if (!firm || firm.ubn !== form.ubn) return {}
  const out: Partial<Record<FirmField, string>> = {}
  for (const field of firmFields) {
    const record = recordValue(firm, field)
    if (record && !same(field, form[field], record)) out[field] = record
  }
  return out
}
