import { eq, inArray } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { settings } from '../../db/schema'
import { preparedOnce, shapeOf } from './prepared'

/** Administrator-set values with their defaults (DOMAIN.md §4: NT$2,000 per certificate, 14 days to pay). */
export const settingDefaults = {
  'fee.amount': 2000,
  'fee.dueDays': 14,
  'renewal.graceDays': 30,
  'review.slaDays': 3,
  /** how long a customs certificate lasts */
  'certificate.validityDays': 730,
} as const
export type SettingKey = keyof typeof settingDefaults

export function getSetting(db: Db, key: SettingKey): number {
  const row = db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get()
  const value = row ? Number(row.value) : NaN
  return Number.isFinite(value) ? value : settingDefaults[key]
}

/** The review's service level in days for an office: `review.slaDays.<office>` when set, else the common one. */
export function reviewSlaDays(db: Db, officeCode: string): number {
  const row = db.select({ value: settings.value }).from(settings).where(eq(settings.key, `review.slaDays.${officeCode}`)).get()
  const value = row ? Number(row.value) : NaN
  return Number.isFinite(value) ? value : getSetting(db, 'review.slaDays')
}

/**
 * reviewSlaDays of several offices in one query: the queue reads every office's on each page, and eight
 * lookups cost eight times what one does.
 */
export function reviewSlaDaysOf(db: Db, officeCodes: readonly string[]): Record<string, number> {
  const { filter, key, values } = shapeOf({ keys: ['review.slaDays', ...officeCodes.map((o) => `review.slaDays.${o}`)] })
  const rows = preparedOnce(db, 'settings.sla', key, () => db.select({ key: settings.key, value: settings.value }).from(settings).where(inArray(settings.key, filter.keys)).prepare()).all(values)
  const stored = new Map(rows.map((r) => [r.key, Number(r.value)]))
  const days = (k: string) => stored.get(k)
  const common = days('review.slaDays')
  const fallback = common !== undefined && Number.isFinite(common) ? common : settingDefaults['review.slaDays']
  return Object.fromEntries(officeCodes.map((o) => {
    const own = days(`review.slaDays.${o}`)
    return [o, own !== undefined && Number.isFinite(own) ? own : fallback]
  }))
}
