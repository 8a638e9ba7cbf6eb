import { eq } from 'drizzle-orm'
import { inTransaction } from '../../../db/client'
import { scanFiles } from '../../../db/schema'
import { DATABASE_KEY_PREFIX, newScanName, type ScanStore } from './scan-store'

/**
 * Scans as rows of scan_files, inserted in the transaction of the record that names them: every replica on one
 * PostgreSQL reads them, and a record that throws takes its scan row with it in the rollback.
 */
export const databaseScanStore: ScanStore = {
  store(db, scan, record) {
    // chosen outside the transaction: a run again after a conflict writes the same key, the first one rolled back
    const storageKey = DATABASE_KEY_PREFIX + newScanName(scan)
    const bytes = Buffer.from(scan.bytes.buffer, scan.bytes.byteOffset, scan.bytes.byteLength)
    return inTransaction(db, (tx) => {
      tx.insert(scanFiles).values({ storageKey, bytes, byteLength: bytes.length, createdAt: scan.now.toISOString() }).run()
      return record(tx, storageKey)
    })
  },
  holds: (storageKey) => storageKey.startsWith(DATABASE_KEY_PREFIX),
  read(db, storageKey) {
    const row = db.select({ bytes: scanFiles.bytes }).from(scanFiles).where(eq(scanFiles.storageKey, storageKey)).get()
    if (!row) throw new Error(`No scan is stored under ${storageKey} in scan_files`)
    return row.bytes
  },
}
