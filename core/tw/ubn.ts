import { z } from 'zod'
import { toHalfWidth } from './half-width'

/**
 * 統一編號 (Unified Business Number). Each digit is multiplied by its weight and the digits of each
 * product are added. The Ministry of Finance relaxed the rule in 2023 from "sum divisible by 10" to
 * "divisible by 5" because the old rule was running out of numbers. When the 7th digit is 7 its
 * product 28 adds up to 10, which may count as 1 or 0, so either sum passes.
 */
const weights = [1, 2, 1, 2, 1, 2, 4, 1] as const

export const UBN_SHAPE = /^\d{8}$/

function ubnSum(digits: string): number {
  let sum = 0
  for (let i = 0; i < 8; i++) {
    const product = Number(digits[i]) * weights[i]
    sum += Math.floor(product / 10) + (product % 10)
  }
  return sum
}

/** 5 is today's rule, 10 the pre-2023 one; exported so the legacy rule can be checked against the new one. */
export function passesUbnChecksum(value: string, modulus: 5 | 10): boolean {
  if (!UBN_SHAPE.test(value)) return false
  const sum = ubnSum(value)
  // The sum holds the 10 from 7 × 4; counting it as 1 instead gives sum - 9, which leaves the same
  // remainder as sum + 1 for both moduli.
  return sum % modulus === 0 || (value[6] === '7' && (sum + 1) % modulus === 0)
}

/**
 * Today's rule (ADR 0002). It accepts every number issued under the old one, so there is no legacy
 * switch; `00000000` passes the arithmetic but is a placeholder, never an issued number.
 */
export function isValidUbn(value: string): boolean {
  return value !== '00000000' && passesUbnChecksum(value, 5)
}

/**
 * Appends a check digit, preferring the one that also passes the pre-2023 rule, so demo data looks
 * valid to older validators too. Deterministic: the same seven digits always give the same UBN.
 */
export function makeUbn(sevenDigits: string): string {
  if (!/^\d{7}$/.test(sevenDigits)) throw new RangeError(`expected seven digits, got ${sevenDigits}`)
  const legacyDigit = (10 - (ubnSum(`${sevenDigits}0`) % 10)) % 10
  const candidates = [legacyDigit, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
  for (const digit of candidates) {
    const ubn = `${sevenDigits}${digit}`
    if (isValidUbn(ubn)) return ubn
  }
  throw new RangeError(`no check digit completes ${sevenDigits}`)
}

export function normalizeUbn(value: string): string {
  return toHalfWidth(value).trim()
}

export const ubnSchema = z
  .string({ message: 'required' })
  .overwrite(normalizeUbn)
  .regex(UBN_SHAPE, { message: 'ubnFormat', abort: true })
  .refine((v) => v !== '00000000', { message: 'ubnAllZeros', abort: true })
  .refine(isValidUbn, { message: 'invalidUbn' })
