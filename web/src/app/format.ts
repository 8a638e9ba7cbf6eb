import { toRocDate } from '@core/tw/roc-date'

/**
 * Times in Asia/Taipei. Taiwan has kept UTC+8 without daylight saving since 1979, so a fixed offset
 * gives the same answer as Intl with the time zone, without depending on the runtime's ICU data.
 */
const TAIPEI_OFFSET_MS = 8 * 60 * 60 * 1000

const pad = (n: number) => String(n).padStart(2, '0')

function taipeiParts(iso: string): { y: number; m: number; d: number; hh: number; mm: number } | null {
  const time = Date.parse(iso)
  if (Number.isNaN(time)) return null
  const t = new Date(time + TAIPEI_OFFSET_MS)
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), hh: t.getUTCHours(), mm: t.getUTCMinutes() }
}

/** `2026-11-22T06:05:00Z` → `2026-11-22 14:05`; empty for null, the input itself if unparsable. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return ''
  const p = taipeiParts(iso)
  if (!p) return iso
  return `${p.y}-${pad(p.m)}-${pad(p.d)} ${pad(p.hh)}:${pad(p.mm)}`
}

/** The ROC (民國) calendar date in Taipei: `2026-11-22T06:05:00Z` → `115/11/22` (core/tw does the calendar). */
export function formatRocDate(iso: string | null | undefined): string {
  if (!iso) return ''
  const time = Date.parse(iso)
  if (Number.isNaN(time)) return ''
  try {
    return toRocDate(new Date(time))
  } catch {
    return '' // before ROC year 1
  }
}

/** True when the ISO time lies after `now` (e.g. a lock that is still in force). */
export function isFuture(iso: string | null | undefined, now: number = Date.now()): boolean {
  if (!iso) return false
  const time = Date.parse(iso)
  return !Number.isNaN(time) && time > now
}
