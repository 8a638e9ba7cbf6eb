import { blob, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * The bytes of scanned paper forms kept in the database (SCAN_STORAGE=database, docs/decisions/0020): written in
 * the transaction of the record that names them (an application attachment, a binding request), so every replica
 * on one PostgreSQL reads every scan, and neither the row nor the record exists without the other. The key is
 * the record's storage key, `db:` and all, so a key says by itself which store holds its bytes.
 */
export const scanFiles = sqliteTable('scan_files', {
  storageKey: text('storage_key').primaryKey(),
  bytes: blob('bytes', { mode: 'buffer' }).notNull(),
  /** the size as written: a backup or a check compares it without reading the bytes */
  byteLength: integer('byte_length').notNull(),
  createdAt: text('created_at').notNull(),
})
