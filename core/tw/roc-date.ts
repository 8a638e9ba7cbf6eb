import { z } from 'zod'
import { toHalfWidth } from './half-width'
import { isCalendarDate, isIsoDate, isoDate, taipeiDate } from './taipei-date'

/** 民國 year 1 is 1912; the product never needs dates before it (民國前). */
const ROC_OFFSET = 1911

const SEPARATED = /^(\d{1,3})([/.-])(\d{1,2})\2(\d{1,2})$/
const COMPACT = /^(\d{3})(\d{2})(\d{2})$/

/**
 * `107/12/07` for 2018-12-07. A Date is read in Taipei time (a slip issued at 01:00 in Taipei is
 * dated that day, though UTC is still on the day before); a `YYYY-MM-DD` string is taken as is.
 * Without a separator the year is padded to three digits so the compact form stays fixed-width.
 */
export function toRocDate(date: Date | string, sep = '/'): string {
  const iso = typeof date === 'string' ? date : taipeiDate(date)
  if (!isIsoDate(iso)) throw new RangeError(`not a YYYY-MM-DD date: ${iso}`)
  const rocYear = Number(iso.slice(0, 4)) - ROC_OFFSET
  if (rocYear < 1) throw new RangeError(`before ROC year 1: ${iso}`)
  const year = sep === '' ? String(rocYear).padStart(3, '0') : String(rocYear)
  return [year, iso.slice(5, 7), iso.slice(8, 10)].join(sep)
}

/**
 * Reads `107/12/07`, `107-12-07`, `107.12.07`, `107/2/7` or the 7-digit `1071207`, and returns the
 * Gregorian `YYYY-MM-DD`, or null when the text is malformed or the day does not exist (107/02/30).
 * Six-digit compact forms are refused: `991207` could be a typo of a 7-digit date.
 */
export function parseRocDate(value: string): string | null {
  const text = toHalfWidth(value).trim()
  const match = SEPARATED.exec(text) ?? COMPACT.exec(text)
  if (!match) return null
  const numbers = match.length === 5 ? [match[1], match[3], match[4]] : [match[1], match[2], match[3]]
  const [rocYear, month, day] = numbers.map(Number)
  const year = rocYear + ROC_OFFSET
  if (rocYear < 1 || !isCalendarDate(year, month, day)) return null
  return isoDate(year, month, day)
}

export function isValidRocDate(value: string): boolean {
  return parseRocDate(value) !== null
}

/** Accepts an ROC date and outputs the Gregorian `YYYY-MM-DD` the API and database use. */
export const rocDateSchema = z.string({ message: 'required' }).transform((value, ctx) => {
  const iso = parseRocDate(value)
  if (iso === null) {
    ctx.issues.push({ code: 'custom', message: 'invalidRocDate', input: value })
    return z.NEVER
  }
  return iso
})
