import { checkDigit } from './application-number'

/**
 * 繳款單號, the fee slip number, 14 characters like the seed's AAF71259000151:
 * office code (2) + `F` + ROC year (3) + sequence within office and year (7) + check digit (1),
 * e.g. `AAF115` + `0000042` + `3`. The check digit is the application number's (weights 3,1,…; letters 10–35),
 * so a bank clerk's typo in a slip number is caught before a payment is matched to the wrong slip.
 */
const PATTERN = /^(AA|BA|CA|DA)F(\d{3})(\d{7})(\d)$/

export function formatFeeSlipNo(officeCode: string, rocYear: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 9_999_999) throw new RangeError(`sequence out of range: ${sequence}`)
  const body = `${officeCode}F${String(rocYear).padStart(3, '0')}${String(sequence).padStart(7, '0')}`
  return body + checkDigit(body)
}

export function parseFeeSlipNo(value: string): { officeCode: string; rocYear: number; sequence: number } | null {
  const m = PATTERN.exec(value.trim().toUpperCase())
  if (!m || checkDigit(`${m[1]}F${m[2]}${m[3]}`) !== m[4]) return null
  return { officeCode: m[1]!, rocYear: Number(m[2]), sequence: Number(m[3]) }
}
