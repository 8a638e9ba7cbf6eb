import { and, desc, eq, getTableColumns, lt, or, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import type { ReassignmentKind, ReassignmentStatus } from '../../../core/contracts/reassignments'
import type { Db } from '../../../db/client'
import { brokers, firms, reassignments, staff } from '../../../db/schema'
import { boundedCount } from '../../lib/paging'

export type NewReassignmentRow = typeof reassignments.$inferInsert

// Names for the list are read by joining the records' tables; every write to them goes through their services.
const requester = alias(staff, 'requester')
const decider = alias(staff, 'decider')
const fromFirm = alias(firms, 'from_firm')
const toFirm = alias(firms, 'to_firm')

const columns = {
  ...getTableColumns(reassignments),
  brokerName: brokers.name,
  fromFirmName: fromFirm.name,
  fromFirmOffice: fromFirm.officeCode,
  toFirmName: toFirm.name,
  toFirmOffice: toFirm.officeCode,
  requestedByName: requester.displayName,
  decidedByName: decider.displayName,
}

function select(db: Db) {
  return db
    .select(columns)
    .from(reassignments)
    .leftJoin(brokers, eq(brokers.code, reassignments.brokerCode))
    .leftJoin(fromFirm, eq(fromFirm.ubn, reassignments.fromUbn))
    .leftJoin(toFirm, eq(toFirm.ubn, reassignments.toUbn))
    .innerJoin(requester, eq(requester.id, reassignments.requestedBy))
    .leftJoin(decider, eq(decider.id, reassignments.decidedBy))
}
export type ReassignmentRow = NonNullable<ReturnType<ReturnType<typeof select>['get']>>

export function insertReassignment(db: Db, row: NewReassignmentRow): number {
  return db.insert(reassignments).values(row).returning({ id: reassignments.id }).get().id
}

export function findReassignment(db: Db, id: number): ReassignmentRow | null {
  return select(db).where(eq(reassignments.id, id)).get() ?? null
}

/** Changes a request only at the version the caller saw; false when someone else changed it first. */
export function updateReassignmentAt(db: Db, id: number, version: number, set: Partial<NewReassignmentRow>): boolean {
  return db
    .update(reassignments)
    .set({ ...set, version: sql`${reassignments.version} + 1` })
    .where(and(eq(reassignments.id, id), eq(reassignments.version, version)))
    .run().changes === 1
}

export function hasPending(db: Db, brokerCode: string, kind: ReassignmentKind): boolean {
  const where = and(eq(reassignments.brokerCode, brokerCode), eq(reassignments.kind, kind), eq(reassignments.status, 'pending'))
  return db.select({ id: reassignments.id }).from(reassignments).where(where).get() !== undefined
}

export interface ReassignmentFilter {
  brokerCode?: string
  ubn?: string
  kind?: ReassignmentKind
  status?: ReassignmentStatus
  /** the last row's id: rows come newest first */
  before?: number
  limit: number
}

/**
 * Newest first (decision 0016): the rowid, or (status, id); a broker's or a firm's requests are a few,
 * looked up by their indexes and sorted.
 */
function conditions(f: Omit<ReassignmentFilter, 'limit'>): (SQL | undefined)[] {
  return [
    f.brokerCode ? eq(reassignments.brokerCode, f.brokerCode) : undefined,
    f.ubn ? or(eq(reassignments.fromUbn, f.ubn), eq(reassignments.toUbn, f.ubn)) : undefined,
    f.kind ? eq(reassignments.kind, f.kind) : undefined,
    f.status ? eq(reassignments.status, f.status) : undefined,
    f.before ? lt(reassignments.id, f.before) : undefined,
  ]
}

export function reassignmentsQuery(db: Db, f: Omit<ReassignmentFilter, 'limit'>) {
  return select(db).where(and(...conditions(f))).orderBy(desc(reassignments.id))
}

export function listReassignments(db: Db, f: ReassignmentFilter): ReassignmentRow[] {
  return reassignmentsQuery(db, f).limit(f.limit).all()
}

export const reassignmentsCountQuery = (db: Db, f: Omit<ReassignmentFilter, 'limit' | 'before'>) => db.select({ one: sql`1` }).from(reassignments).where(and(...conditions(f)))
export const countReassignments = (db: Db, f: Omit<ReassignmentFilter, 'limit' | 'before'>) => boundedCount(db, reassignmentsCountQuery(db, f))
