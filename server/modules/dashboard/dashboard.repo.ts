import { and, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { applications, appointments, auditLog, brokers, certificates, firms, staff } from '../../../db/schema'

const count = sql<number>`count(*)`

function scoped(column: Parameters<typeof eq>[0], scope: string | null, ...rest: (SQL | undefined)[]): SQL | undefined {
  return and(scope ? eq(column, scope) : undefined, ...rest)
}

export function countApplicationsByStatus(db: Db, scope: string | null): { status: string; n: number }[] {
  return db.select({ status: applications.status, n: count }).from(applications).where(scoped(applications.officeCode, scope)).groupBy(applications.status).all()
}

export function countValidCertificates(db: Db, scope: string | null, expiringBefore?: string, now?: string): number {
  const window = expiringBefore && now ? and(gte(certificates.notAfter, now), lte(certificates.notAfter, expiringBefore)) : now ? gte(certificates.notAfter, now) : undefined
  return db.select({ n: count }).from(certificates).where(scoped(certificates.officeCode, scope, eq(certificates.status, 'valid'), window)).get()?.n ?? 0
}

export function countFirms(db: Db, scope: string | null): number {
  return db.select({ n: count }).from(firms).where(scoped(firms.officeCode, scope)).get()?.n ?? 0
}

/** Brokers appointed to a firm of the office (all brokers for headquarters). */
export function countBrokers(db: Db, scope: string | null): number {
  if (!scope) return db.select({ n: count }).from(brokers).get()?.n ?? 0
  return (
    db
      .select({ n: sql<number>`count(distinct ${appointments.brokerCode})` })
      .from(appointments)
      .innerJoin(firms, eq(firms.ubn, appointments.firmUbn))
      .where(and(eq(firms.officeCode, scope), eq(appointments.status, 'active')))
      .get()?.n ?? 0
  )
}

export function countActiveAppointments(db: Db, scope: string | null): number {
  const firmFilter = scope ? inArray(appointments.firmUbn, db.select({ ubn: firms.ubn }).from(firms).where(eq(firms.officeCode, scope))) : undefined
  return db.select({ n: count }).from(appointments).where(and(eq(appointments.status, 'active'), firmFilter)).get()?.n ?? 0
}

export function countActiveStaff(db: Db, scope: string | null): number {
  return db.select({ n: count }).from(staff).where(scoped(staff.officeCode, scope, eq(staff.status, 'active'))).get()?.n ?? 0
}

export function countAuditSince(db: Db, scope: string | null, since: string): number {
  return db.select({ n: count }).from(auditLog).where(scoped(auditLog.officeCode, scope, gte(auditLog.at, since))).get()?.n ?? 0
}
