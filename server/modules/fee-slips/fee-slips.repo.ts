import { and, desc, eq, or, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { applications, feeSlips, payments } from '../../../db/schema'
import { containsPattern } from '../../lib/sql'

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

/** The payments page's filters, applied to slips: `q` as there, `from`/`to` bounding the payment date. */
export interface SlipFilter {
  scope: string | null
  q?: string
  from?: string
  to?: string
}

/**
 * Every slip with its payment, if any, newest first (by id, which is issue order, so that no sort is needed).
 * A slip without a payment has no payment date: a date range leaves it out, as the payments page does.
 */
export function slipsQuery(db: Db, f: SlipFilter) {
  const where: SQL[] = []
  if (f.scope) where.push(eq(feeSlips.officeCode, f.scope))
  if (f.from) where.push(sql`${payments.paidOn} >= ${f.from}`)
  if (f.to) where.push(sql`${payments.paidOn} <= ${f.to}`)
  if (f.q) {
    const upper = f.q.toUpperCase()
    where.push(or(eq(feeSlips.slipNo, upper), eq(applications.applicationNo, upper), eq(feeSlips.payerUbn, f.q), eq(payments.reference, f.q), sql`${feeSlips.payerName} like ${containsPattern(f.q)} escape '\\'`)!)
  }
  return db
    .select({
      slipNo: feeSlips.slipNo,
      applicationNo: applications.applicationNo,
      officeCode: feeSlips.officeCode,
      payerUbn: feeSlips.payerUbn,
      payerName: feeSlips.payerName,
      amount: feeSlips.amount,
      issuedOn: feeSlips.issuedOn,
      dueOn: feeSlips.dueOn,
      status: feeSlips.status,
      paidOn: payments.paidOn,
      channel: payments.channel,
      reference: payments.reference,
    })
    .from(feeSlips)
    .leftJoin(payments, eq(payments.feeSlipId, feeSlips.id))
    .leftJoin(applications, eq(applications.id, feeSlips.applicationId))
    .where(and(...where))
    .orderBy(desc(feeSlips.id))
}
