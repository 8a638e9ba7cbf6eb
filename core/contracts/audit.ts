import { z } from 'zod'
import { officeCodeSchema, type OfficeCode } from './offices'
import { cursorQuery, searchText, type CursorPage } from './paging'
import { plainText } from './text'

const isoDate = z.iso.date({ message: 'invalidDate' })

export const auditListQuery = z
  .strictObject({
    q: searchText,
    action: plainText(64).optional(),
    entity: plainText(64).optional(),
    entityId: plainText(64).optional(),
    actor: plainText(64).optional(),
    officeCode: officeCodeSchema.optional(),
    /** calendar dates in Asia/Taipei, inclusive */
    from: isoDate.optional(),
    to: isoDate.optional(),
    ...cursorQuery,
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: 'dateRange', path: ['to'] })
export type AuditListQuery = z.input<typeof auditListQuery>

export interface AuditEntry {
  id: number
  at: string
  actorId: number | null
  actorName: string | null
  officeCode: OfficeCode | null
  roles: string[]
  action: string
  entity: string
  entityId: string | null
  /** what changed: before and after, as short summaries of the record */
  summary: { before?: unknown; after?: unknown } | null
  requestId: string | null
  ip: string | null
  prevHash: string
  hash: string
}
/** A row of the list: the entry without its before/after summary, which its own page shows (GET /api/audit/:id). */
export type AuditListItem = Omit<AuditEntry, 'summary'>
export type AuditPage = CursorPage<AuditListItem>

export interface AuditVerifyResult {
  ok: boolean
  rows: number
  /** the first row whose hash or link does not match, when the chain is broken */
  brokenAt?: number
  reason?: string
}
