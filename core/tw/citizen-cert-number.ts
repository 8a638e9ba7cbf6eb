import { z } from 'zod'
import { toHalfWidth } from './half-width'

/**
 * The card number printed on a 自然人憑證 (MOICA citizen digital certificate): two letters and
 * 14 digits. It carries no check digit, so only the shape can be checked here; individuals log in
 * with this card, and the number is what they read out to the help desk.
 */
export const CITIZEN_CERT_NUMBER_SHAPE = /^[A-Z]{2}\d{14}$/

export function isValidCitizenCertNumber(value: string): boolean {
  return CITIZEN_CERT_NUMBER_SHAPE.test(value)
}

export function normalizeCitizenCertNumber(value: string): string {
  return toHalfWidth(value).trim().toUpperCase()
}

export const citizenCertNumberSchema = z
  .string({ message: 'required' })
  .overwrite(normalizeCitizenCertNumber)
  .regex(CITIZEN_CERT_NUMBER_SHAPE, { message: 'invalidCitizenCertNumber' })
