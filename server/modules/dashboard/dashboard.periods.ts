import type { DateRange } from '../../../core/contracts/dashboard'
import { addDaysTaipei, monthStart, taipeiDayStart, weekStart } from '../../../core/tw'
import type { InstantRange } from './dashboard.charts-repo'

export interface Periods {
  weeks: DateRange
  months: DateRange
}

/**
 * The dates each kind of chart covers. A period the user gives is used as it is by every chart; a missing
 * end is today, and a missing start is 12 whole weeks (this one included) or 12 calendar months back from
 * the end, so a chart never opens on a part-week or part-month it cannot explain.
 */
export function resolvePeriods(query: { from?: string; to?: string }, today: string): Periods {
  const to = query.to ?? today
  return {
    weeks: { from: query.from ?? addDaysTaipei(weekStart(to), -7 * 11), to },
    months: { from: query.from ?? monthStart(to, -11), to },
  }
}

/** Taipei calendar dates, inclusive, as the stored UTC instants they cover. */
export function instants(range: DateRange): InstantRange {
  return { from: taipeiDayStart(range.from).toISOString(), before: taipeiDayStart(addDaysTaipei(range.to, 1)).toISOString() }
}
