import { and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { applications, bankImports, feeSlips, payments, staff } from '../../../db/schema'
import { containsPattern } from '../../lib/sql'

export type PaymentRow = typeof payments.$inferSelect
export type BankImportRow = typeof bankImports.$inferSelect

/** A payment with what the list shows of its slip, application and recorder. */
const listColumns = {
  id: payments.id,
  slipNo: payments.slipNo,
  applicationId: feeSlips.applicationId,
  applicationNo: applications.applicationNo,
  officeCode: feeSlips.officeCode,
  payerUbn: feeSlips.payerUbn,
  payerName: feeSlips.payerName,
  amount: payments.amount,
  paidOn: payments.paidOn,
  channel: payments.channel,
  reference: payments.reference,
  source: payments.source,
  recordedBy: staff.displayName,
  recordedAt: payments.recordedAt,
}
export interface PaymentListRow {
  id: number
  slipNo: string
  applicationId: number
  applicationNo: string | null
  officeCode: string
  payerUbn: string
  payerName: string
  amount: number
  paidOn: string
  channel: string
  reference: string | null
  source: 'clerk' | 'bank-file'
  recordedBy: string | null
  recordedAt: string
}

function selectPayments(db: Db) {
  return db
    .select(listColumns)
    .from(payments)
    .innerJoin(feeSlips, eq(feeSlips.id, payments.feeSlipId))
    .leftJoin(applications, eq(applications.id, feeSlips.applicationId))
    .leftJoin(staff, eq(staff.id, payments.recordedBy))
}

export function insertPayment(db: Db, row: typeof payments.$inferInsert): PaymentRow {
  return db.insert(payments).values(row).returning().get()
}

export function paymentById(db: Db, id: number): PaymentListRow | null {
  return (selectPayments(db).where(eq(payments.id, id)).get() as PaymentListRow | undefined) ?? null
}

export function paymentOfSlip(db: Db, feeSlipId: number): PaymentRow | null {
  return db.select().from(payments).where(eq(payments.feeSlipId, feeSlipId)).get() ?? null
}

export function paymentsByReference(db: Db, references: string[]): Map<string, PaymentRow> {
  const out = new Map<string, PaymentRow>()
  for (let i = 0; i < references.length; i += 500) {
    for (const row of db.select().from(payments).where(inArray(payments.reference, references.slice(i, i + 500))).all()) out.set(row.reference!, row)
  }
  return out
}

export interface PaymentFilter {
  scope: string | null
  q?: string
  from?: string
  to?: string
  after?: { key: string; id: number }
  limit: number
}

/** Keyset paging over (paid_on, id), newest first. */
export function listPayments(db: Db, f: PaymentFilter): PaymentListRow[] {
  const where: SQL[] = []
  if (f.scope) where.push(eq(feeSlips.officeCode, f.scope))
  if (f.from) where.push(sql`${payments.paidOn} >= ${f.from}`)
  if (f.to) where.push(sql`${payments.paidOn} <= ${f.to}`)
  if (f.q) {
    const upper = f.q.toUpperCase()
    where.push(or(eq(payments.slipNo, upper), eq(applications.applicationNo, upper), eq(feeSlips.payerUbn, f.q), eq(payments.reference, f.q), sql`${feeSlips.payerName} like ${containsPattern(f.q)} escape '\\'`)!)
  }
  if (f.after) where.push(sql`(${payments.paidOn} < ${f.after.key} or (${payments.paidOn} = ${f.after.key} and ${payments.id} < ${f.after.id}))`)
  return selectPayments(db).where(and(...where)).orderBy(desc(payments.paidOn), desc(payments.id)).limit(f.limit).all() as PaymentListRow[]
}

export function findImportBySha(db: Db, sha256: string): BankImportRow | null {
  return db.select().from(bankImports).where(eq(bankImports.sha256, sha256)).get() ?? null
}

export function insertBankImport(db: Db, row: typeof bankImports.$inferInsert): BankImportRow {
  return db.insert(bankImports).values(row).returning().get()
}
