import { sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** The four customs offices and headquarters (I). Reference data, seeded. */
export const offices = sqliteTable('offices', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
})
