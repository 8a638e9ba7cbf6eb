import { isCalendarDate, isoDate, parseRocDate, toHalfWidth } from '@core/tw'

const GREGORIAN = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/
const GREGORIAN_COMPACT = /^(\d{4})(\d{2})(\d{2})$/
const WRITTEN_ROC = /^(?:民國)?\s*(\d{1,3})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/

/**
 * A birth date as people in Taiwan write it: 民國 (`75/03/12`, `0750312`, `75年3月12日`) or Gregorian
 * (`1986-03-12`, `1986/3/12`, `19860312`), full-width digits too. Returns `YYYY-MM-DD`, or null.
 * A four-digit year is Gregorian, one to three digits 民國: nobody alive was born in 民國 1000.
 */
export function parseBirthDate(value: string): string | null {
  const text = toHalfWidth(value).trim()
  const written = WRITTEN_ROC.exec(text)
  if (written) return parseRocDate(`${written[1]}/${written[2]}/${written[3]}`)
  const gregorian = GREGORIAN.exec(text) ?? GREGORIAN_COMPACT.exec(text)
  if (gregorian) {
    const [year, month, day] = gregorian.slice(1).map(Number)
    return isCalendarDate(year, month, day) ? isoDate(year, month, day) : null
  }
  return parseRocDate(text)
}
