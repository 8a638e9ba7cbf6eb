import { and, asc, desc, eq, gte, lt, lte, or, sql, type SQL } from 'drizzle-orm'
import type { AuditEntry, AuditListItem } from '../../../core/contracts/audit'
import type { OfficeCode } from '../../../core/contracts/offices'
import type { Db } from '../../../db/client'
import { auditLog } from '../../../db/schema'
import type { ListTotal } from '../../../core/contracts/paging'
import { boundedCount, boundedCountQuery, toTotal } from '../../lib/paging'
import { preparedOnce, shapeOf } from '../../lib/prepared'
import { containsPattern } from '../../lib/sql'

export type AuditRow = typeof auditLog.$inferSelect

export function toAuditEntry(r: AuditRow): AuditEntry {
  return {
    ...r,
    officeCode: r.officeCode as OfficeCode | null,
    roles: r.roles ? r.roles.split(',') : [],
    summary: r.summary ? (JSON.parse(r.summary) as AuditEntry['summary']) : null,
  }
}

export interface AuditFilter {
  q?: string
  action?: string
  entity?: string
  entityId?: string
  actor?: string
  officeCode?: string
  /** UTC instants bounding `at`: from inclusive, to exclusive */
  fromAt?: string
  toAt?: string
  /** keyset: ids below this one (the cursor) */
  beforeId?: number
  /** a text search's window: ids from this one up (decision 0016) */
  fromId?: number
  /** the period's first and last ids when already read (auditIdRange) */
  periodIds?: { min: number; max: number } | null
  limit: number
  scope: string | null
}

/**
 * Newest first, keyset-paged by id: page 1,000 costs what page 1 does. The rows leave out the before/after
 * summary, which only an entry's own page shows: reading and parsing it for every row was a sixth of the
 * list's time.
 */
export function listAudit(db: Db, f: AuditFilter): AuditListItem[] {
  // a text search examines a window of the log (decision 0016): its scan, not building it, is its cost
  if (f.q) return (auditListSelect(db, f).limit(f.limit).values() as unknown[][]).map(listItemOf)
  const { filter, key, values } = shapeFilter(db, f)
  return (preparedOnce(db, 'audit.list', key, () => auditListSelect(db, filter).limit(filter.limit).prepare()).values(values) as unknown[][]).map(listItemOf)
}

/** The list's columns, in the order listItemOf reads them. */
const listFields = {
  id: auditLog.id,
  at: auditLog.at,
  actorId: auditLog.actorId,
  actorName: auditLog.actorName,
  officeCode: auditLog.officeCode,
  roles: auditLog.roles,
  action: auditLog.action,
  entity: auditLog.entity,
  entityId: auditLog.entityId,
  requestId: auditLog.requestId,
  ip: auditLog.ip,
  prevHash: auditLog.prevHash,
  hash: auditLog.hash,
} satisfies Record<keyof AuditListItem, unknown>

/** A list row from its array of values (Drizzle's `.values()`): Drizzle's per-column mapping cost as much again. */
function listItemOf(row: unknown[]): AuditListItem {
  const [id, at, actorId, actorName, officeCode, roles, action, entity, entityId, requestId, ip, prevHash, hash] = row as [number, string, number | null, string | null, OfficeCode | null, string, string, string, string | null, string | null, string | null, string, string]
  return { id, at, actorId, actorName, officeCode, roles: roles ? roles.split(',') : [], action, entity, entityId, requestId, ip, prevHash, hash }
}

/**
 * The filter with its period's ids read, so that what is left only passes values into conditions and the
 * query is prepared once per shape (lib/prepared.ts).
 */
function resolveFilter<F extends Omit<AuditFilter, 'limit'>>(db: Db, f: F): F {
  return f.fromAt || f.toAt ? { ...f, periodIds: f.periodIds !== undefined ? f.periodIds : periodIds(db, f) } : f
}

/** The filter as its prepared queries take it (lib/prepared.ts); not for a text search. */
export const shapeFilter = <F extends Omit<AuditFilter, 'limit'>>(db: Db, f: F) => shapeOf(resolveFilter(db, f))

/** The ids the filters' rows can have, first and last: the period's, or the whole log's; null when none. */
export function auditIdRange(db: Db, f: Pick<AuditFilter, 'fromAt' | 'toAt'>): { min: number; max: number } | null {
  if (f.fromAt || f.toAt) return periodIds(db, f)
  // two lookups at the ends of the rowid b-tree (min() and max() together would read every row)
  const min = db.select({ id: sql<number | null>`min(${auditLog.id})` }).from(auditLog).get()?.id
  const max = db.select({ id: sql<number | null>`max(${auditLog.id})` }).from(auditLog).get()?.id
  return min != null && max != null ? { min, max } : null
}

/**
 * The ids a period's rows carry, first and last: one read of the period's entries in audit_at_idx (index only).
 * A row's `at` is when its request began and its id when it was written, so the two orders agree but for
 * requests that overlapped: the period stays a condition on `at`, and these bounds only narrow the id range.
 */
function periodIds(db: Db, f: Pick<AuditFilter, 'fromAt' | 'toAt'>): { min: number; max: number } | null {
  const row = periodIdsQuery(db, f).get()
  return row?.min != null && row.max != null ? { min: row.min, max: row.max } : null
}

export function periodIdsQuery(db: Db, f: Pick<AuditFilter, 'fromAt' | 'toAt'>) {
  return db
    .select({ min: sql<number | null>`min(${auditLog.id})`, max: sql<number | null>`max(${auditLog.id})` })
    .from(auditLog)
    .where(and(f.fromAt ? gte(auditLog.at, f.fromAt) : undefined, f.toAt ? lt(auditLog.at, f.toAt) : undefined))
}

/**
 * The filters as conditions. Every equality filter has an index ending in the id (the rowid), so each is read
 * newest first from its index; a period becomes an id range (periodIds) and its `at` conditions only test
 * rows (the unary plus keeps SQLite from sorting the period's rows by id instead).
 */
function conditions(db: Db, f: Omit<AuditFilter, 'limit'>): SQL[] {
  const where: SQL[] = []
  if (f.scope) where.push(eq(auditLog.officeCode, f.scope))
  if (f.officeCode) where.push(eq(auditLog.officeCode, f.officeCode))
  if (f.action) where.push(eq(auditLog.action, f.action))
  if (f.entity) where.push(eq(auditLog.entity, f.entity))
  if (f.entityId) where.push(eq(auditLog.entityId, f.entityId))
  if (f.actor) where.push(eq(auditLog.actorName, f.actor))
  if (f.fromAt || f.toAt) {
    const ids = f.periodIds !== undefined ? f.periodIds : periodIds(db, f)
    if (!ids) where.push(sql`false`)
    else where.push(gte(auditLog.id, ids.min), lte(auditLog.id, ids.max))
    if (f.fromAt) where.push(sql`+${auditLog.at} >= ${f.fromAt}`)
    if (f.toAt) where.push(sql`+${auditLog.at} < ${f.toAt}`)
  }
  if (f.fromId) where.push(gte(auditLog.id, f.fromId))
  if (f.beforeId) where.push(lt(auditLog.id, f.beforeId))
  if (f.q) {
    const p = containsPattern(f.q)
    where.push(or(sql`${auditLog.action} like ${p} escape '\\'`, sql`${auditLog.actorName} like ${p} escape '\\'`, sql`${auditLog.entityId} like ${p} escape '\\'`, sql`${auditLog.summary} like ${p} escape '\\'`)!)
  }
  return where
}

/** The filters' rows newest first, every column: the export iterates all of it. */
export function auditQuery(db: Db, f: Omit<AuditFilter, 'limit'>) {
  return db.select().from(auditLog).where(and(...conditions(db, f))).orderBy(desc(auditLog.id))
}

/** The list's query without its page size: the list's columns (listFields). */
export function auditListSelect(db: Db, f: Omit<AuditFilter, 'limit'>) {
  return db.select(listFields).from(auditLog).where(and(...conditions(db, f))).orderBy(desc(auditLog.id))
}

/** The rows the filters select, unordered, for the bounded count. */
export function auditCountQuery(db: Db, f: Omit<AuditFilter, 'limit' | 'beforeId'>) {
  return db.select({ one: sql`1` }).from(auditLog).where(and(...conditions(db, f)))
}

export function countAudit(db: Db, f: Omit<AuditFilter, 'limit' | 'beforeId'>): ListTotal {
  if (f.q) return boundedCount(db, auditCountQuery(db, f))
  const { filter, key, values } = shapeFilter(db, f)
  const query = preparedOnce(db, 'audit.count', key, () => boundedCountQuery(db, auditCountQuery(db, filter)).prepare())
  return toTotal(query.get(values)?.n ?? 0)
}

export function findAudit(db: Db, id: number): AuditEntry | null {
  const row = db.select().from(auditLog).where(eq(auditLog.id, id)).get()
  return row ? toAuditEntry(row) : null
}

/** Every row in chain order, streamed: the chain may be longer than memory should hold. */
export function* iterateAuditRows(db: Db): Generator<AuditRow> {
  let afterId = 0
  for (;;) {
    const batch = db.select().from(auditLog).where(sql`${auditLog.id} > ${afterId}`).orderBy(asc(auditLog.id)).limit(1000).all()
    if (batch.length === 0) return
    yield* batch
    afterId = batch[batch.length - 1]!.id
  }
}
