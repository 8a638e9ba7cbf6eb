import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { applications } from './applications'

/** 規費繳款單: issued when a new or renew application is accepted; void after its due date. */
export const feeSlips = sqliteTable(
  'fee_slips',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slipNo: text('slip_no').notNull().unique(),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id),
    officeCode: text('office_code').notNull(),
    payerUbn: text('payer_ubn').notNull(),
    payerName: text('payer_name').notNull(),
    /** NT$ */
    amount: integer('amount').notNull(),
    /** calendar dates in Asia/Taipei */
    issuedOn: text('issued_on').notNull(),
    dueOn: text('due_on').notNull(),
    status: text('status', { enum: ['unpaid', 'paid', 'void'] }).notNull(),
    paidAt: text('paid_at'),
    createdAt: text('created_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('fee_slips_application_idx').on(t.applicationId),
    // a firm's slips: the payments search by UBN or name, the lookup's firm page (docs/decisions/0016)
    index('fee_slips_payer_idx').on(t.payerUbn),
    index('fee_slips_status_due_idx').on(t.status, t.dueOn),
    // the dashboard's fees-per-month chart ranges over these dates (docs/decisions/0014)
    index('fee_slips_issued_idx').on(t.issuedOn, t.officeCode),
    index('fee_slips_paid_idx').on(t.paidAt, t.officeCode, t.amount),
  ],
)
