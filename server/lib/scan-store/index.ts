import type { Db } from '../../../db/client'
import type { Env } from '../../env'
import { databaseScanStore } from './database-store'
import { fileScanStore } from './file-store'
import type { NewScan, ScanStore } from './scan-store'

export { DATABASE_KEY_PREFIX } from './scan-store'
export type { NewScan, ScanStorage, ScanStore } from './scan-store'

/** What the scan stores need of the app: its database and its settings (SCAN_STORAGE, DATA_DIR). */
export interface ScanDeps {
  db: Db
  env: Pick<Env, 'SCAN_STORAGE' | 'DATA_DIR'>
}

const stores = (deps: ScanDeps): ScanStore[] => [databaseScanStore, fileScanStore(deps.env.DATA_DIR)]

/**
 * Keeps a scan in the store SCAN_STORAGE names and runs `record` with its key inside the same transaction
 * (ScanStore.store): the caller writes its record and audit row on `tx` and opens no transaction of its own.
 */
export function storeScan<T>(deps: ScanDeps, scan: NewScan, record: (tx: Db, storageKey: string) => T): T {
  const store = deps.env.SCAN_STORAGE === 'database' ? databaseScanStore : fileScanStore(deps.env.DATA_DIR)
  return store.store(deps.db, scan, record)
}

/** The bytes under a key, from the store the key names: a change of SCAN_STORAGE leaves older scans readable. */
export function readScan(deps: ScanDeps, storageKey: string): Buffer {
  return stores(deps)
    .find((s) => s.holds(storageKey))!
    .read(deps.db, storageKey)
}
