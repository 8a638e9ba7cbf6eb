import { z } from 'zod'

export const exportFormats = ['csv', 'xlsx'] as const
export type ExportFormat = (typeof exportFormats)[number]

/** What every export takes besides its list's filters. */
const exportOptions = {
  format: z.enum(exportFormats, { message: 'invalidOption' }).default('csv'),
  /** comma-separated column keys, in the order wanted; checked against the list's columns (pickColumns) */
  columns: z.string().max(2000, { message: 'tooLong' }).optional(),
  rocDates: z.enum(['true', 'false'], { message: 'invalidOption' }).optional().transform((v) => v === 'true'),
}

export interface ExportOptions {
  format: ExportFormat
  columns?: string
  rocDates: boolean
}

type Paged = { cursor: z.ZodType; limit: z.ZodType }

/**
 * A list's query schema for its export: the same filters (strict, so an unknown filter is a 400), without the
 * paging, plus the export options. zod refuses `.omit()` on a refined object, so the shape is rebuilt and the
 * list's own checks (date ranges) are carried over as they are.
 */
export function exportQuery<Shape extends z.ZodRawShape & Paged>(list: z.ZodObject<Shape>) {
  const { cursor: _cursor, limit: _limit, ...filters } = list.shape
  return z.strictObject({ ...(filters as Omit<Shape, keyof Paged>), ...exportOptions }).check(...((list._zod.def.checks ?? []) as never[]))
}

/** The filters of a parsed export query, without the export options: what the audit row records. */
export function filtersOf(query: Record<string, unknown>): Record<string, unknown> {
  const { format: _f, columns: _c, rocDates: _r, ...filters } = query
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined))
}
