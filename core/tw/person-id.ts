import { z } from 'zod'
import { toHalfWidth } from './half-width'
import { NATIONAL_ID_SHAPE, isValidNationalId } from './national-id'
import { NEW_RESIDENT_ID_SHAPE, OLD_RESIDENT_ID_SHAPE, isValidNewResidentId, isValidOldResidentId } from './resident-id'

export type PersonIdKind = 'nationalId' | 'newResidentId' | 'oldResidentId'

/**
 * The one canonical form we store and compare: the broker records are matched on it, so `a123456789`
 * typed on a form must become `A123456789` before it is checked, never after.
 */
export function normalizePersonId(value: string): string {
  return toHalfWidth(value).trim().toUpperCase()
}

/** Classifies by shape only, so a form can say which kind of number has a wrong check digit. */
export function personIdKind(value: string): PersonIdKind | null {
  if (NATIONAL_ID_SHAPE.test(value)) return 'nationalId'
  if (NEW_RESIDENT_ID_SHAPE.test(value)) return 'newResidentId'
  if (OLD_RESIDENT_ID_SHAPE.test(value)) return 'oldResidentId'
  return null
}

/**
 * Every person number the product accepts for a broker: national IDs and both resident formats.
 * Canonical form only (see ADR 0002): lower case is rejected here and accepted by the schemas,
 * which normalise first.
 */
export function isValidPersonId(value: string): boolean {
  switch (personIdKind(value)) {
    case 'nationalId':
      return isValidNationalId(value)
    case 'newResidentId':
      return isValidNewResidentId(value)
    case 'oldResidentId':
      return isValidOldResidentId(value)
    default:
      return false
  }
}

/** Lists and logs show `A12****789`: enough to tell people apart, not enough to reuse the number. */
export function maskPersonId(value: string): string {
  const id = normalizePersonId(value)
  if (id.length < 7) return '*'.repeat(id.length)
  return `${id.slice(0, 3)}${'*'.repeat(id.length - 6)}${id.slice(-3)}`
}

const anyPersonIdShape = /^[A-Z]([12]|[89]|[A-D])\d{8}$/

export const personIdSchema = z
  .string({ message: 'required' })
  .overwrite(normalizePersonId)
  .regex(anyPersonIdShape, { message: 'personIdFormat', abort: true })
  .refine(isValidPersonId, { message: 'invalidPersonId' })

export const nationalIdSchema = z
  .string({ message: 'required' })
  .overwrite(normalizePersonId)
  .regex(NATIONAL_ID_SHAPE, { message: 'nationalIdFormat', abort: true })
  .refine(isValidNationalId, { message: 'invalidPersonId' })
