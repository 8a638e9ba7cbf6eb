import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { inTransaction } from '../../../db/client'
import { flushToDisk } from '../flush'
import { DATABASE_KEY_PREFIX, newScanName, type ScanStore } from './scan-store'

/**
 * Scans as files under DATA_DIR/attachments/<month>/, outside the web root; the key is the path below that folder
 * (the keys written before decision 0020 are such paths too). One machine's disk: replicas on several machines
 * would each see only their own. `npm run backup` copies the folder beside the database.
 */
export function fileScanStore(dataDir: string): ScanStore {
  const folder = path.resolve(dataDir, 'attachments')
  const fileOf = (storageKey: string) => {
    const file = path.resolve(folder, storageKey)
    // keys come from our own rows, but a path that climbs out of the folder is never read
    if (!file.startsWith(folder + path.sep)) throw new Error(`The scan key ${storageKey} is not a path inside ${folder}`)
    return file
  }
  return {
    store(db, scan, record) {
      const storageKey = newScanName(scan)
      const file = fileOf(storageKey)
      mkdirSync(path.dirname(file), { recursive: true })
      writeFileSync(file, scan.bytes, { flag: 'wx' })
      // the file and its folder entries are on disk before the record commits: a power failure cannot leave a
      // record of a lost file
      for (const f of [file, path.dirname(file), folder]) flushToDisk(f)
      try {
        return inTransaction(db, (tx) => record(tx, storageKey))
      } catch (err) {
        rmSync(file, { force: true })
        throw err
      }
    },
    holds: (storageKey) => !storageKey.startsWith(DATABASE_KEY_PREFIX),
    read: (_db, storageKey) => readFileSync(fileOf(storageKey)),
  }
}
