import { hasValidPersonIdCheckDigit, personIdCheckDigit, personIdLetterCode } from './person-id-checksum'

/** 身分證字號: area letter, 1 (male) or 2 (female), seven digits and a check digit. */
export const NATIONAL_ID_SHAPE = /^[A-Z][12]\d{8}$/

/** Expects the canonical form (upper-case, no spaces); normalise user input with normalizePersonId first. */
export function isValidNationalId(value: string): boolean {
  return NATIONAL_ID_SHAPE.test(value) && hasValidPersonIdCheckDigit(value)
}

/** Builds a valid national ID, e.g. for demo data; the seeder picks the letter and digits. */
export function makeNationalId(letter: string, gender: 1 | 2, sevenDigits: string): string {
  if (personIdLetterCode(letter) === undefined) throw new RangeError(`not an area letter: ${letter}`)
  if (gender !== 1 && gender !== 2) throw new RangeError(`gender must be 1 or 2, got ${String(gender)}`)
  if (!/^\d{7}$/.test(sevenDigits)) throw new RangeError(`expected seven digits, got ${sevenDigits}`)
  return `${letter}${gender}${sevenDigits}${personIdCheckDigit(letter, gender, sevenDigits)}`
}
