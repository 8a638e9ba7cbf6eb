import { addDaysTaipei, isIsoDate, isoDate } from './taipei-date'

/**
 * Weeks and months of Taipei calendar dates (`YYYY-MM-DD`), for statistics bucketed the way people here
 * count them: weeks run Monday to Sunday (ISO 8601, as on Taiwanese office calendars), months are calendar
 * months. Arithmetic is on the dates themselves, so the zone the machine runs in never matters.
 */

function check(date: string): void {
  if (!isIsoDate(date)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`)
}

/** 0 for Monday … 6 for Sunday. */
function weekdayIndex(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7
}

/** The Monday that starts the week of `date`. */
export function weekStart(date: string): string {
  check(date)
  return addDaysTaipei(date, -weekdayIndex(date))
}

/** `YYYY-MM-01` of the month of `date`, moved by `months` (negative for earlier). */
export function monthStart(date: string, months = 0): string {
  check(date)
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months
  return isoDate(Math.floor(index / 12), (index % 12) + 1, 1)
}

/** The Mondays of every week that overlaps `from`–`to` (inclusive); empty when `from` is after `to`. */
export function weekStartsBetween(from: string, to: string): string[] {
  check(to)
  const out: string[] = []
  for (let week = weekStart(from); week <= to; week = addDaysTaipei(week, 7)) out.push(week)
  return out
}

/** `YYYY-MM` of every month that overlaps `from`–`to` (inclusive); empty when `from` is after `to`. */
export function monthsBetween(from: string, to: string): string[] {
  check(to)
  const out: string[] = []
  for (let month = monthStart(from); month <= to; month = monthStart(month, 1)) out.push(month.slice(0, 7))
  return out
}
