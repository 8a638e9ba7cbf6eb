import { eq } from 'drizzle-orm'
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
