import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * The mail outbox: a message is written in the same transaction as the change it reports, and a dispatcher
 * sends it when SMTP is configured. Without SMTP it stays here, readable by admins.
 */
export const mailOutbox = sqliteTable(
  'mail_outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    bodyText: text('body_text').notNull(),
    template: text('template').notNull(),
    applicationId: integer('application_id'),
    status: text('status', { enum: ['pending', 'sent', 'failed'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at').notNull(),
    lastError: text('last_error'),
    createdAt: text('created_at').notNull(),
    sentAt: text('sent_at'),
  },
  (t) => [
    index('mail_outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('mail_outbox_application_idx').on(t.applicationId),
    // the admin list by status, newest first (docs/decisions/0016)
    index('mail_outbox_status_idx').on(t.status, t.id),
  ],
)
