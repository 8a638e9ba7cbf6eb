import { z } from 'zod'
import { plainText } from './text'

export const sortOrderSchema = z.enum(['asc', 'desc'], { message: 'invalidOption' }).default('asc')

/** Page-number paging, for lists that stay small (staff accounts). */
export const pageQuery = {
  page: z.coerce.number({ message: 'invalidType' }).int().min(1, { message: 'tooSmall' }).max(100_000, { message: 'tooBig' }).default(1),
  pageSize: z.coerce.number({ message: 'invalidType' }).int().min(1, { message: 'tooSmall' }).max(200, { message: 'tooBig' }).default(20),
}

/** Keyset paging, for lists that grow without bound: an opaque cursor, never an offset. */
export const cursorQuery = {
  cursor: z.string().max(200, { message: 'tooLong' }).optional(),
  limit: z.coerce.number({ message: 'invalidType' }).int().min(1, { message: 'tooSmall' }).max(200, { message: 'tooBig' }).default(50),
}

export interface Page<T> {
  items: T[]
  total: number
  page: number
  pageSize: number
}

/** Counts stop here: past it a list answers "more than 10,000" (decision 0016). */
export const COUNT_CAP = 10_000

/** How many rows a list's filters select: exact up to COUNT_CAP; `capped` means more than COUNT_CAP. */
export interface ListTotal {
  count: number
  capped: boolean
}

export interface CursorPage<T> {
  items: T[]
  nextCursor: string | null
  /** first pages only (no cursor): how many rows the filters select, counted up to COUNT_CAP */
  total?: ListTotal
  /**
   * A text search over a log examined only a window of it (the newest rows before the cursor): the page may hold
   * fewer rows than asked for, and nextCursor searches on, further back (decision 0016).
   */
  partial?: true
}

/** An optional search text: trimmed, empty means absent; typed text, so the rules of core/contracts/text.ts apply. */
export const searchText = plainText(100)
  .optional()
  .transform((v) => (v ? v : undefined))
