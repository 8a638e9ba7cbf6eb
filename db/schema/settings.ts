import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** Administrator-set values (fee amount, deadlines, service levels), with a default in code for each key. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at').notNull(),
  updatedBy: integer('updated_by'),
})
