import type { Language, LocalizedText } from '../../../core/i18n'
import { AppError } from '../../../core/errors'
import { toRocDate } from '../../../core/tw'

export type Cell = string | number | null

/**
 * One column of an export: its key (what `columns=` names), its heading in both languages, and its cell.
 * `date` cells are `YYYY-MM-DD` and `instant` cells ISO timestamps: both are written in Taipei time, as ROC
 * dates when the caller asks for them.
 */
export interface ExportColumn<Row> {
  key: string
  label: LocalizedText
  kind?: 'date' | 'instant'
  value: (row: Row, lang: Language) => Cell
}

export const defineColumns = <Row>(columns: ExportColumn<Row>[]): readonly ExportColumn<Row>[] => columns

/**
 * The columns asked for by `columns=a,b,c`, in that order, or all of them. An unknown key is a 400 that names
 * it, so a typo in a saved report link does not silently drop a column.
 */
export function pickColumns<Row>(all: readonly ExportColumn<Row>[], requested: string | undefined): readonly ExportColumn<Row>[] {
  if (requested === undefined || requested.trim() === '') return all
  const byKey = new Map(all.map((c) => [c.key, c]))
  const keys = requested.split(',').map((k) => k.trim()).filter(Boolean)
  const unknown = keys.filter((k) => !byKey.has(k))
  if (unknown.length) {
    const names = unknown.join(', ')
    throw new AppError('VALIDATION_FAILED', { fieldErrors: { columns: { 'zh-TW': `沒有這個欄位：${names}`, en: `No such column: ${names}` } } })
  }
  return [...new Set(keys)].map((k) => byKey.get(k)!)
}

const TAIPEI_MS = 8 * 3_600_000

const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/
const hourPrefixes = new Map<string, string>()

/**
 * `2026-11-22T02:03:04Z` as Taipei wall time: `2026-11-22 10:03:04`, or `115/11/22 10:03:04`. Taipei is UTC+8
 * all year, so minutes and seconds never change: the date and hour are worked out once per UTC hour and kept
 * (an export of a million rows meets a few tens of thousands of hours, and this was a sixth of its time).
 */
export function formatInstant(iso: string, roc: boolean): string {
  if (ISO_UTC.test(iso)) {
    const hour = iso.slice(0, 13)
    const last = roc ? lastRoc : lastGregorian
    // an export in date order meets the same hour many rows running: no key to build, no map to ask
    if (last.hour === hour) return last.prefix + iso.slice(13, 19)
    const key = (roc ? 'r' : 'g') + hour
    let prefix = hourPrefixes.get(key)
    if (prefix === undefined) {
      prefix = formatSlow(hour + ':00:00Z', roc).slice(0, -6)
      if (hourPrefixes.size > 200_000) hourPrefixes.clear()
      hourPrefixes.set(key, prefix)
    }
    last.hour = hour
    last.prefix = prefix
    return prefix + iso.slice(13, 19)
  }
  return formatSlow(iso, roc)
}
const lastRoc = { hour: '', prefix: '' }
const lastGregorian = { hour: '', prefix: '' }

function formatSlow(iso: string, roc: boolean): string {
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return iso
  const local = new Date(t + TAIPEI_MS).toISOString()
  const day = local.slice(0, 10)
  return `${roc ? toRocDate(day) : day} ${local.slice(11, 19)}`
}

/** Turns a row into its cells, with the dates in the form asked for. */
export function rowCells<Row>(columns: readonly ExportColumn<Row>[], lang: Language, roc: boolean): (row: Row) => Cell[] {
  return (row) =>
    columns.map((c) => {
      const v = c.value(row, lang)
      if (v === null || v === '' || typeof v !== 'string' || !c.kind) return v
      if (c.kind === 'instant') return formatInstant(v, roc)
      return roc ? toRocDate(v) : v
    })
}
