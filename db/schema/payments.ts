import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { feeSlips } from './fee-slips'

/** A payment of a fee slip, keyed by a clerk or matched from the bank's reconciliation file. */
export const payments = sqliteTable(
  'payments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    feeSlipId: integer('fee_slip_id')
      .notNull()
      .references(() => feeSlips.id),
    slipNo: text('slip_no').notNull(),
    amount: integer('amount').notNull(),
    /** the Taipei date the money was paid */
    paidOn: text('paid_on').notNull(),
    channel: text('channel').notNull(),
    /** the bank's transaction reference: a file row seen twice is one payment */
    reference: text('reference'),
    source: text('source', { enum: ['clerk', 'bank-file'] }).notNull(),
    recordedBy: integer('recorded_by'),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [uniqueIndex('payments_fee_slip_uq').on(t.feeSlipId), uniqueIndex('payments_reference_uq').on(t.reference), index('payments_paid_on_idx').on(t.paidOn)],
)

/** Each reconciliation file imported, by content hash: the same file twice is recognised. */
export const bankImports = sqliteTable('bank_imports', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  fileName: text('file_name').notNull(),
  sha256: text('sha256').notNull().unique(),
  rows: integer('rows').notNull(),
  applied: integer('applied').notNull(),
  importedBy: integer('imported_by'),
  importedAt: text('imported_at').notNull(),
})
