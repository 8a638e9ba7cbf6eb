import { and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm'
import { unionAll } from 'drizzle-orm/sqlite-core'
import type { Db } from '../../../db/client'
import { applicationNames, applications, bankImports, feeSlips, payments, staff } from '../../../db/schema'
import { boundedCount, keysetAfter, manyRows, type Keyset } from '../../lib/paging'
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
  /** the firms whose name contains q (the applications' names), or null when too many to look up one by one */
  payerUbns?: string[] | null
  /** the search's matches are many (manyRows): the list walks the payment dates and tests each row */
  walk?: boolean
  from?: string
  to?: string
  after?: Keyset
  limit: number
}

/**
 * The search box: the slip number, the application number, the payer's UBN, the bank reference, or part of the
 * payer's name. Looked up, each is one index's rows (a slip, a firm's slips, a payment), sorted by payment date;
 * when they are many (a name many firms carry, a big firm: `walk`), each row of the walk of the payment dates
 * is tested instead.
 */
function slipTerms(db: Db, f: PaymentFilter & { q: string }): SQL {
  const upper = f.q.toUpperCase()
  const pattern = containsPattern(f.q)
  // a payer's name is an application's company name: application_names says which firms carried it
  const named = f.payerUbns ?? db.select({ ubn: applicationNames.ubn }).from(applicationNames).where(sql`${applicationNames.companyName} like ${pattern} escape '\\'`)
  return or(
    eq(feeSlips.slipNo, upper),
    eq(feeSlips.payerUbn, f.q),
    inArray(feeSlips.applicationId, db.select({ id: applications.id }).from(applications).where(eq(applications.applicationNo, upper))),
    Array.isArray(named) && !named.length ? undefined : and(inArray(feeSlips.payerUbn, named), sql`${feeSlips.payerName} like ${pattern} escape '\\'`),
  )!
}

function search(db: Db, f: PaymentFilter & { q: string }, walk: boolean): SQL {
  if (walk) {
    const upper = f.q.toUpperCase()
    return or(eq(payments.slipNo, upper), eq(applications.applicationNo, upper), eq(feeSlips.payerUbn, f.q), eq(payments.reference, f.q), sql`${feeSlips.payerName} like ${containsPattern(f.q)} escape '\\'`)!
  }
  return or(inArray(payments.feeSlipId, db.select({ id: feeSlips.id }).from(feeSlips).where(slipTerms(db, f))), eq(payments.reference, f.q))!
}

/** The filters other than the search box and the cursor. */
function filters(f: Omit<PaymentFilter, 'limit'>): SQL[] {
  const where: SQL[] = []
  // the office's share of the payments is large: tested on the walk of the payment dates
  if (f.scope) where.push(sql`+${feeSlips.officeCode} = ${f.scope}`)
  if (f.from) where.push(sql`${payments.paidOn} >= ${f.from}`)
  if (f.to) where.push(sql`${payments.paidOn} <= ${f.to}`)
  return where
}

/** Keyset paging over (paid_on, id), newest first: payments_paid_on_idx, whose last column is the id (the rowid). */
export function paymentsQuery(db: Db, f: Omit<PaymentFilter, 'limit'>) {
  const walk = f.payerUbns === null || !!f.walk
  const where = and(...filters(f), f.q ? search(db, { ...f, q: f.q, limit: 0 }, walk) : undefined, keysetAfter(payments.paidOn, payments.id, 'desc', f.after))
  return selectPayments(db).where(where).orderBy(desc(payments.paidOn), desc(payments.id))
}

export function listPayments(db: Db, f: PaymentFilter): PaymentListRow[] {
  return paymentsQuery(db, f).limit(f.limit).all() as PaymentListRow[]
}

/**
 * The payments the filters select, unordered, for a count. A search is counted from the slips its terms find
 * (joined to their payments), and apart from them the payment its bank reference names: two streams SQLite
 * reads as far as the count goes (an IN list of a big firm's slips would be built whole first).
 */
export function paymentsCountQuery(db: Db, f: Omit<PaymentFilter, 'limit' | 'after'>) {
  const joined = () => db.select({ one: sql`1` }).from(payments).innerJoin(feeSlips, eq(feeSlips.id, payments.feeSlipId))
  if (!f.q) return joined().where(and(...filters(f)))
  const terms = slipTerms(db, { ...f, q: f.q, limit: 0 })
  const bySlip = db.select({ one: sql`1` }).from(feeSlips).innerJoin(payments, eq(payments.feeSlipId, feeSlips.id)).where(and(...filters(f), terms))
  return unionAll(bySlip, joined().where(and(...filters(f), eq(payments.reference, f.q), sql`not ${terms}`)))
}

/** Whether the search matches so many payments that walking the payment dates finds a page sooner than sorting them. */
export const manyPayments = (db: Db, f: Omit<PaymentFilter, 'limit' | 'after' | 'walk'>) => manyRows(db, paymentsCountQuery(db, f))

export function countPayments(db: Db, f: Omit<PaymentFilter, 'limit' | 'after'>) {
  return boundedCount(db, paymentsCountQuery(db, f))
}

export function findImportBySha(db: Db, sha256: string): BankImportRow | null {
  return db.select().from(bankImports).where(eq(bankImports.sha256, sha256)).get() ?? null
}

export function insertBankImport(db: Db, row: typeof bankImports.$inferInsert): BankImportRow {
  return db.insert(bankImports).values(row).returning().get()
}
