import { hasValidPersonIdCheckDigit } from './person-id-checksum'

/**
 * 統一證號 (resident certificate number). The old format (two letters) is still printed on cards
 * issued before 2021-01-02; the new one looks like a national ID with 8 or 9 in the second place so
 * that systems built for national IDs accept it.
 */
export const OLD_RESIDENT_ID_SHAPE = /^[A-Z][A-D]\d{8}$/
export const NEW_RESIDENT_ID_SHAPE = /^[A-Z][89]\d{8}$/

export function isValidOldResidentId(value: string): boolean {
  return OLD_RESIDENT_ID_SHAPE.test(value) && hasValidPersonIdCheckDigit(value)
}

export function isValidNewResidentId(value: string): boolean {
  return NEW_RESIDENT_ID_SHAPE.test(value) && hasValidPersonIdCheckDigit(value)
}

export function isValidResidentId(value: string): boolean {
  return isValidOldResidentId(value) || isValidNewResidentId(value)
}

/** Who holds a new-format number, from its third character (Immigration Agency, 2021 numbering rule). */
export type ResidentCategory = 'foreignOrStateless' | 'nationalWithoutHousehold' | 'hongKongMacao' | 'mainlandChina'

export function residentCategory(value: string): ResidentCategory | null {
  if (!isValidNewResidentId(value)) return null
  const third = Number(value[2])
  if (third <= 6) return 'foreignOrStateless'
  if (third === 7) return 'nationalWithoutHousehold'
  return third === 8 ? 'hongKongMacao' : 'mainlandChina'
}
