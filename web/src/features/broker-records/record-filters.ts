import { toRocDate } from '@core/tw/roc-date'
import type { LocationQuery } from 'vue-router'

/**
 * A list's applied filters live in the address, so a filtered list can be bookmarked and the back button
 * restores it. Only the named keys are read, and empty values are left out.
 */
export function filtersFrom<K extends string>(query: LocationQuery, keys: readonly K[]): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {}
  for (const key of keys) {
    const value = query[key]
    if (typeof value === 'string' && value.trim()) out[key] = value.trim()
  }
  return out
}

/** The filters with one changed; an empty or absent value removes the filter. */
export function withFilter<F extends object>(filters: F, key: keyof F & string, value: string | null | undefined): F {
  const next = { ...filters } as Record<string, unknown>
  if (value && value.trim()) next[key] = value.trim()
  else delete next[key]
  return next as F
}

/** `2008-03-14` → `97/03/14`: the ROC date shown beside a calendar date; empty for none or before ROC year 1. */
export function rocDate(isoDate: string | null | undefined): string {
  if (!isoDate) return ''
  try {
    return toRocDate(isoDate)
  } catch {
    return ''
  }
}
