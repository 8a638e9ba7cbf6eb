import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { staff } from './staff'

/**
 * Broker reassignments (專責報關人員異動, seed 003): resignation and transfer carried out by a clerk,
 * disqualification filed by a clerk and carried out when a supervisor approves. The appointments table keeps
 * who worked where from when to when; this keeps what was done, on which documents, by whom.
 */
export const reassignments = sqliteTable(
  'reassignments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ['resignation', 'transfer', 'disqualification'] }).notNull(),
    status: text('status', { enum: ['pending', 'done', 'rejected'] }).notNull(),
    brokerCode: text('broker_code').notNull(),
    fromUbn: text('from_ubn'),
    toUbn: text('to_ubn'),
    effectiveDate: text('effective_date').notNull(),
    /** JSON: the documents the office received, e.g. {"form":true,"examCertificate":true,"brokerCard":true} */
    documents: text('documents'),
    reason: text('reason'),
    requestedBy: integer('requested_by')
      .notNull()
      .references(() => staff.id),
    requestedAt: text('requested_at').notNull(),
    decidedBy: integer('decided_by').references(() => staff.id),
    decidedAt: text('decided_at'),
    rejectReason: text('reject_reason'),
    version: integer('version').notNull().default(1),
  },
  // the list is newest first: by status through (status, id); a broker's or a firm's few requests by their own (docs/decisions/0016)
  (t) => [
    index('reassignments_broker_idx').on(t.brokerCode, t.requestedAt),
    index('reassignments_status_idx').on(t.status, t.id),
    index('reassignments_from_idx').on(t.fromUbn),
    index('reassignments_to_idx').on(t.toUbn),
  ],
)
