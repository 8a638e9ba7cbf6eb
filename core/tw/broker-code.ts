import { z } from 'zod'
import { toHalfWidth } from './half-width'

/**
 * 專責報關人員代碼: the letter of the office that licensed the broker and a 5-digit number, e.g.
 * `A00001`. The short letters are the first letters of the office codes customs systems use.
 * The codes are repeated here rather than imported from contracts so core/tw stays a leaf module;
 * they are the same values as `CustomsOfficeCode`.
 */
const officeByLetter = { A: 'AA', C: 'CA', D: 'DA', B: 'BA' } as const

export type BrokerOfficeLetter = keyof typeof officeByLetter
export type BrokerOfficeCode = (typeof officeByLetter)[BrokerOfficeLetter]

export interface BrokerCode {
  letter: BrokerOfficeLetter
  officeCode: BrokerOfficeCode
  number: number
}

export const BROKER_CODE_SHAPE = /^([ABCD])(\d{5})$/

export function normalizeBrokerCode(value: string): string {
  return toHalfWidth(value).trim().toUpperCase()
}

/** Canonical form only; normalise input first (the schema does). */
export function parseBrokerCode(value: string): BrokerCode | null {
  const match = BROKER_CODE_SHAPE.exec(value)
  if (!match) return null
  const letter = match[1] as BrokerOfficeLetter
  return { letter, officeCode: officeByLetter[letter], number: Number(match[2]) }
}

export function isValidBrokerCode(value: string): boolean {
  return parseBrokerCode(value) !== null
}

export function formatBrokerCode(code: Pick<BrokerCode, 'letter' | 'number'>): string {
  if (!Number.isInteger(code.number) || code.number < 0 || code.number > 99_999) {
    throw new RangeError(`broker number out of range: ${code.number}`)
  }
  return `${code.letter}${String(code.number).padStart(5, '0')}`
}

export const brokerCodeSchema = z
  .string({ message: 'required' })
  .overwrite(normalizeBrokerCode)
  .regex(BROKER_CODE_SHAPE, { message: 'invalidBrokerCode' })
