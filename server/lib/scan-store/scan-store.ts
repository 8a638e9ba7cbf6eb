import { randomBytes } from 'node:crypto'
import type { Db } from '../../../db/client'
import type { Env } from '../../env'
import type { ScanType } from '../uploads'

/** Where new scans go (SCAN_STORAGE, docs/decisions/0020); reading follows the key, whatever the setting is now. */
export type ScanStorage = Env['SCAN_STORAGE']

export interface NewScan {
  bytes: Uint8Array
  contentType: ScanType
  now: Date
}

/**
 * A place for the bytes of scanned paper forms. `store` puts them under a new key and runs `record` (the caller's
 * inserts and audit row) with that key in one transaction: the scan and the record that names it are both kept,
 * or neither is. `record` may run more than once on PostgreSQL (a serialization conflict runs the transaction
 * again, docs/decisions/0017), so it touches only the database.
 */
export interface ScanStore {
  store<T>(db: Db, scan: NewScan, record: (tx: Db, storageKey: string) => T): T
  /** whether a key names bytes in this store */
  holds(storageKey: string): boolean
  read(db: Db, storageKey: string): Buffer
}

/** The mark of a key whose bytes are a row of scan_files; a key without it is a path under DATA_DIR/attachments. */
export const DATABASE_KEY_PREFIX = 'db:'

const ext: Record<ScanType, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' }

/** `<month>/<32 random hex digits>.<ext>`: nothing of it comes from the client. Each store prefixes its own mark. */
export function newScanName(scan: Pick<NewScan, 'contentType' | 'now'>): string {
  return `${scan.now.toISOString().slice(0, 7)}/${randomBytes(16).toString('hex')}.${ext[scan.contentType]}`
}
