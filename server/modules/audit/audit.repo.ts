import { and, asc, desc, eq, gte, lt, or, sql, type SQL } from 'drizzle-orm'
import type { AuditEntry } from '../../../core/contracts/audit'
import type { OfficeCode } from '../../../core/contracts/offices'
import type { Db } from '../../../db/client'
import { auditLog } from '../../../db/schema'
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
  beforeId?: number
  limit: number
  scope: string | null
}

/** Newest first, keyset-paged by id: page 1,000 costs what page 1 does. */
export function listAudit(db: Db, f: AuditFilter): AuditEntry[] {
  return auditQuery(db, f).limit(f.limit).all().map(toAuditEntry)
}

/** The list's query without its page size: the list takes a page of it, the export iterates all of it. */
export function auditQuery(db: Db, f: Omit<AuditFilter, 'limit'>) {
  const where: SQL[] = []
  if (f.scope) where.push(eq(auditLog.officeCode, f.scope))
  if (f.officeCode) where.push(eq(auditLog.officeCode, f.officeCode))
  if (f.action) where.push(eq(auditLog.action, f.action))
  if (f.entity) where.push(eq(auditLog.entity, f.entity))
  if (f.entityId) where.push(eq(auditLog.entityId, f.entityId))
  if (f.actor) where.push(eq(auditLog.actorName, f.actor))
  if (f.fromAt) where.push(gte(auditLog.at, f.fromAt))
  if (f.toAt) where.push(lt(auditLog.at, f.toAt))
  if (f.beforeId) where.push(lt(auditLog.id, f.beforeId))
  if (f.q) {
    const p = containsPattern(f.q)
    where.push(or(sql`${auditLog.action} like ${p} escape '\\'`, sql`${auditLog.actorName} like ${p} escape '\\'`, sql`${auditLog.entityId} like ${p} escape '\\'`, sql`${auditLog.summary} like ${p} escape '\\'`)!)
  }
  return db
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
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
