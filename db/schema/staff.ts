import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { offices } from './offices'

/** Console users. Times are ISO-8601 UTC text throughout the schema: sortable, readable and portable. */
export const staff = sqliteTable('staff', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  email: text('email'),
  officeCode: text('office_code')
    .notNull()
    .references(() => offices.code),
  passwordHash: text('password_hash').notNull(),
  mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(true),
  status: text('status', { enum: ['active', 'disabled'] }).notNull().default('active'),
  failedAttempts: integer('failed_attempts').notNull().default(0),
  lockedUntil: text('locked_until'),
  lastLoginAt: text('last_login_at'),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  version: integer('version').notNull().default(1),
})

export const staffRoles = sqliteTable(
  'staff_roles',
  {
    staffId: integer('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['clerk', 'supervisor', 'helpdesk', 'auditor', 'admin'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.staffId, t.role] }), index('staff_roles_role_idx').on(t.role)],
)
