import { eq, like, or } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { settings } from '../../db/schema'

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
 * reviewSlaDays for each of `offices`, from one read of the settings: a list page needs every office's, and
 * asking per office cost two statements each.
 */
export function reviewSlaDaysByOffice(db: Db, offices: readonly string[]): Record<string, number> {
  const rows = db.select({ key: settings.key, value: settings.value }).from(settings).where(or(eq(settings.key, 'review.slaDays'), like(settings.key, 'review.slaDays.%'))).all()
  const set = new Map(rows.map((r) => [r.key, Number(r.value)]))
  const common = set.get('review.slaDays')
  const fallback = common !== undefined && Number.isFinite(common) ? common : settingDefaults['review.slaDays']
  return Object.fromEntries(offices.map((o) => {
    const own = set.get(`review.slaDays.${o}`)
    return [o, own !== undefined && Number.isFinite(own) ? own : fallback]
  }))
}
