/**
 * Calendar dates as people in Taiwan see them. Servers and browsers may run in any zone, so "today"
 * is always asked of Intl with Asia/Taipei, never of Date's local getters.
 */
const taipeiFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Taipei',
  calendar: 'gregory',
  numberingSystem: 'latn',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DAY_MS = 86_400_000

/** A real calendar date in `YYYY-MM-DD` form (rejects 2019-02-29). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  return isCalendarDate(year, month, day)
}

const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const

/** Plain arithmetic rather than Date, which maps years 0–99 to 1900–1999. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false
  if (month < 1 || month > 12 || day < 1) return false
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  return day <= (month === 2 && leap ? 29 : monthDays[month - 1])
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** The calendar date in Taipei at the given instant. */
export function taipeiDate(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('invalid Date')
  const parts = Object.fromEntries(taipeiFormat.formatToParts(date).map((p) => [p.type, p.value]))
  return isoDate(Number(parts.year), Number(parts.month), Number(parts.day))
}

/**
 * The Taipei calendar date `days` after the given instant's (or calendar date's), e.g. a fee slip's
 * due date. Counting calendar days, not 24-hour periods, keeps the answer right across midnight UTC.
 */
export function addDaysTaipei(date: Date | string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer, got ${days}`)
  const start = typeof date === 'string' ? date : taipeiDate(date)
  if (!isIsoDate(start)) throw new RangeError(`not a YYYY-MM-DD date: ${start}`)
  const shifted = new Date(Date.parse(`${start}T00:00:00Z`) + days * DAY_MS)
  return isoDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate())
}

/**
 * The instant a Taipei calendar day begins, for range queries on timestamps. Taiwan has kept UTC+8
 * without daylight saving since 1980, so the offset is fixed for any date this product handles.
 */
export function taipeiDayStart(isoDateValue: string): Date {
  if (!isIsoDate(isoDateValue)) throw new RangeError(`not a YYYY-MM-DD date: ${isoDateValue}`)
  return new Date(`${isoDateValue}T00:00:00+08:00`)
}
