import type { z } from 'zod'
import type { SessionUser } from '../../../core/contracts/auth'
import type { AuditEntry, auditListQuery, AuditPage, AuditVerifyResult } from '../../../core/contracts/audit'
import { AppError } from '../../../core/errors'
import type { Db } from '../../../db/client'
import { auditHash, GENESIS_HASH } from '../../lib/audit'
import { officeScope } from '../../lib/sql'
import { findAudit, iterateAuditRows, listAudit, type AuditFilter } from './audit.repo'

/** The UTC instant at which a calendar day starts in Taipei (UTC+8, no daylight saving). */
function taipeiMidnight(date: string, plusDays = 0): string {
  const t = Date.parse(`${date}T00:00:00+08:00`) + plusDays * 86_400_000
  return new Date(t).toISOString()
}

function decodeCursor(cursor: string | undefined): number | undefined {
  if (!cursor) return undefined
  const id = Number(cursor)
  if (!Number.isSafeInteger(id) || id <= 0) throw new AppError('VALIDATION_FAILED', { fieldErrors: { cursor: 'cursorInvalid' } })
  return id
}

type ListFilters = Omit<z.output<typeof auditListQuery>, 'cursor' | 'limit'>

/** The list's filters as the repo takes them, scoped to the actor's office; the export uses the same. */
export function auditFilter(opts: { actor: SessionUser; query: ListFilters }): Omit<AuditFilter, 'limit'> {
  const { query } = opts
  return {
    ...query,
    fromAt: query.from ? taipeiMidnight(query.from) : undefined,
    toAt: query.to ? taipeiMidnight(query.to, 1) : undefined,
    scope: officeScope(opts.actor.officeCode),
  }
}

export function searchAudit(opts: { db: Db; actor: SessionUser; query: z.output<typeof auditListQuery> }): AuditPage {
  const { query } = opts
  const items = listAudit(opts.db, { ...auditFilter(opts), beforeId: decodeCursor(query.cursor), limit: query.limit + 1 })
  const more = items.length > query.limit
  const page = more ? items.slice(0, query.limit) : items
  return { items: page, nextCursor: more ? String(page[page.length - 1]!.id) : null }
}

export function getAuditEntry(opts: { db: Db; actor: SessionUser; id: number }): AuditEntry {
  const entry = findAudit(opts.db, opts.id)
  const scope = officeScope(opts.actor.officeCode)
  if (!entry || (scope && entry.officeCode !== scope)) throw new AppError('NOT_FOUND')
  return entry
}

/** Walks the whole chain and names the first row whose link or hash does not hold. */
export function verifyAuditChain(opts: { db: Db }): AuditVerifyResult {
  let prev = GENESIS_HASH
  let rows = 0
  for (const row of iterateAuditRows(opts.db)) {
    rows++
    if (row.prevHash !== prev) return { ok: false, rows, brokenAt: row.id, reason: 'prev_hash does not match the previous row' }
    if (auditHash(row.prevHash, row) !== row.hash) return { ok: false, rows, brokenAt: row.id, reason: 'hash does not match the row' }
    prev = row.hash
  }
  return { ok: true, rows }
}
