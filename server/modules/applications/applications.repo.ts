import { and, asc, desc, eq, gte, inArray, lt, ne, sql } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { applicationAttachments, applicationEvents, applications, staff } from '../../../db/schema'

export type ApplicationRow = typeof applications.$inferSelect
export type NewApplicationRow = typeof applications.$inferInsert

/**
 * The next free sequence number in an office and ROC year (the application number's middle part). A number is
 * office (2) + year (3) + sequence (6, zero-padded) + check digit, so the highest of an office's year is the
 * last number of that prefix's range in the unique index: one seek, not a read of the office's applications.
 */
export function nextSequence(db: Db, officeCode: string, rocYear: number): number {
  const prefix = `${officeCode}${String(rocYear).padStart(3, '0')}`
  const last = db
    .select({ no: applications.applicationNo })
    .from(applications)
    .where(and(gte(applications.applicationNo, prefix), lt(applications.applicationNo, `${prefix}~`)))
    .orderBy(desc(applications.applicationNo))
    .limit(1)
    .get()
  return last ? Number(last.no.slice(5, 11)) + 1 : 1
}

export function insertApplication(db: Db, values: NewApplicationRow): number {
  return db.insert(applications).values(values).returning({ id: applications.id }).get().id
}

/** Writes only if the row is still at `version`; false means someone changed it first. */
export function updateApplicationAt(db: Db, id: number, version: number, set: Partial<NewApplicationRow> & { updatedAt: string }): boolean {
  return db.update(applications).set({ ...set, version: sql`${applications.version} + 1` }).where(and(eq(applications.id, id), eq(applications.version, version))).run().changes === 1
}

export function findApplication(db: Db, id: number): ApplicationRow | null {
  return db.select().from(applications).where(eq(applications.id, id)).get() ?? null
}

/** Other open applications for the same firm, kind and broker (DOMAIN.md §3: no two at once). */
export function openDuplicates(db: Db, a: { id: number; ubn: string; kind: string; brokerCode: string | null }): string[] {
  return db
    .select({ no: applications.applicationNo })
    .from(applications)
    .where(and(ne(applications.id, a.id), eq(applications.ubn, a.ubn), eq(applications.kind, a.kind as ApplicationRow['kind']), a.brokerCode ? eq(applications.brokerCode, a.brokerCode) : sql`${applications.brokerCode} is null`, inArray(applications.status, ['00', '10', '20'])))
    .all()
    .map((r) => r.no)
}

export function insertEvent(db: Db, e: typeof applicationEvents.$inferInsert): void {
  db.insert(applicationEvents).values(e).run()
}

export function listEvents(db: Db, applicationId: number) {
  return db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, applicationId)).orderBy(asc(applicationEvents.id)).all()
}

export function insertAttachment(db: Db, a: typeof applicationAttachments.$inferInsert): number {
  return db.insert(applicationAttachments).values(a).returning({ id: applicationAttachments.id }).get().id
}

export function listAttachments(db: Db, applicationId: number) {
  return db.select().from(applicationAttachments).where(eq(applicationAttachments.applicationId, applicationId)).orderBy(asc(applicationAttachments.id)).all()
}

export function findAttachment(db: Db, applicationId: number, id: number) {
  return db.select().from(applicationAttachments).where(and(eq(applicationAttachments.applicationId, applicationId), eq(applicationAttachments.id, id))).get() ?? null
}

export function staffNames(db: Db, ids: (number | null)[]): Map<number, string> {
  const wanted = [...new Set(ids.filter((i): i is number => i !== null))]
  if (!wanted.length) return new Map()
  return new Map(db.select({ id: staff.id, name: staff.displayName }).from(staff).where(inArray(staff.id, wanted)).all().map((r) => [r.id, r.name]))
}

/** The contact e-mail of a firm's most recent application (by received_at, as the queue orders), or null when it never applied. */
export function latestContactEmail(db: Db, ubn: string): string | null {
  return db.select({ email: applications.contactEmail }).from(applications).where(eq(applications.ubn, ubn)).orderBy(desc(applications.receivedAt), desc(applications.id)).limit(1).get()?.email ?? null
}
