import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { portalAccounts } from './portal'
import { staff } from './staff'

/** One-time password-reset links sent by the helpdesk (valid 24 h, single use); only the token's hash is kept. */
export const passwordResets = sqliteTable(
  'password_resets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountRef: integer('account_ref')
      .notNull()
      .references(() => portalAccounts.id),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: text('expires_at').notNull(),
    usedAt: text('used_at'),
    createdBy: integer('created_by')
      .notNull()
      .references(() => staff.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('password_resets_account_idx').on(t.accountRef)],
)

/** A change of a registered e-mail: asked by one staff member, applied only when a second one approves. */
export const emailChanges = sqliteTable(
  'email_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountRef: integer('account_ref')
      .notNull()
      .references(() => portalAccounts.id),
    oldEmail: text('old_email').notNull(),
    newEmail: text('new_email').notNull(),
    reason: text('reason').notNull(),
    status: text('status', { enum: ['pending', 'approved', 'rejected'] }).notNull(),
    requestedBy: integer('requested_by')
      .notNull()
      .references(() => staff.id),
    requestedAt: text('requested_at').notNull(),
    decidedBy: integer('decided_by').references(() => staff.id),
    decidedAt: text('decided_at'),
    version: integer('version').notNull().default(1),
  },
  // the list by status, newest first (docs/decisions/0016)
  (t) => [index('email_changes_status_idx').on(t.status, t.id)],
)
