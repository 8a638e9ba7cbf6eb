import type { z } from 'zod'
import type { SessionUser } from '../../../core/contracts/auth'
import type { AuditEntry, auditListQuery, AuditPage, AuditVerifyResult } from '../../../core/contracts/audit'
import { AppError } from '../../../core/errors'
import type { Db } from '../../../db/client'
import { auditHash, GENESIS_HASH } from '../../lib/audit'
import { decodeIdCursor, pageOf, searchWindow, windowedPage } from '../../lib/paging'
import { officeScope } from '../../lib/sql'
import { auditIdRange, countAudit, findAudit, iterateAuditRows, listAudit, type AuditFilter } from './audit.repo'

/** The UTC instant at which a calendar day starts in Taipei (UTC+8, no daylight saving). */
function taipeiMidnight(date: string, plusDays = 0): string {
  const t = Date.parse(`${date}T00:00:00+08:00`) + plusDays * 86_400_000
  return new Date(t).toISOString()
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
  const { db, query } = opts
  const filter = auditFilter(opts)
  const beforeId = decodeIdCursor(query.cursor)
  if (query.q) {
    // a text search cannot use an index: each page examines a window of the log, newest first (decision 0016)
    const ids = auditIdRange(db, filter)
    if (!ids) return { items: [], nextCursor: null }
    const window = searchWindow(beforeId, ids)
    const rows = listAudit(db, { ...filter, ...window, periodIds: ids, limit: query.limit + 1 })
    return windowedPage(rows, query.limit, window, ids.min)
  }
  const page = pageOf(listAudit(db, { ...filter, beforeId, limit: query.limit + 1 }), query.limit, (last) => String(last.id))
  return { ...page, ...(query.cursor ? {} : { total: countAudit(db, filter) }) }
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
