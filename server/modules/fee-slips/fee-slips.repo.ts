import { and, desc, eq, sql } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { applications, feeSlips } from '../../../db/schema'

export type FeeSlipRow = typeof feeSlips.$inferSelect

export function nextSlipSequence(db: Db, officeCode: string, rocYear: number): number {
  const row = db
    .select({ max: sql<number | null>`max(cast(substr(${feeSlips.slipNo}, 7, 7) as integer))` })
    .from(feeSlips)
    .where(and(eq(feeSlips.officeCode, officeCode), sql`substr(${feeSlips.slipNo}, 4, 3) = ${String(rocYear).padStart(3, '0')}`))
    .get()
  return (row?.max ?? 0) + 1
}

export function insertFeeSlip(db: Db, row: typeof feeSlips.$inferInsert): FeeSlipRow {
  return db.insert(feeSlips).values(row).returning().get()
}

export function latestSlipOf(db: Db, applicationId: number): FeeSlipRow | null {
  return db.select().from(feeSlips).where(eq(feeSlips.applicationId, applicationId)).orderBy(desc(feeSlips.id)).limit(1).get() ?? null
}

export function findSlipByNo(db: Db, slipNo: string): FeeSlipRow | null {
  return db.select().from(feeSlips).where(eq(feeSlips.slipNo, slipNo)).get() ?? null
}

/** The application number of a slip's application, for the print view. */
export function applicationNoOf(db: Db, applicationId: number): string | null {
  return db.select({ no: applications.applicationNo }).from(applications).where(eq(applications.id, applicationId)).get()?.no ?? null
}

/** unpaid → paid, only if still unpaid at `version`; false means someone else changed the slip first. */
export function setSlipPaid(db: Db, id: number, version: number, paidAt: string): boolean {
  return (
    db
      .update(feeSlips)
      .set({ status: 'paid', paidAt, version: sql`${feeSlips.version} + 1` })
      .where(and(eq(feeSlips.id, id), eq(feeSlips.version, version), eq(feeSlips.status, 'unpaid')))
      .run().changes === 1
  )
}
