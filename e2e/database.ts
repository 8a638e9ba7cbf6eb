import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { openDatabase } from '../db/client'

/**
 * The e2e server's database, for the few specs that must reach it directly (a seed the API cannot make, a CLI
 * job): the SQLite file in the run's data folder, or the PostgreSQL database of the replica run, whose URL
 * e2e/serve-replicas.ts leaves in the same folder.
 */
export function e2eDatabaseEnv(): { DATA_DIR: string; DATABASE_URL?: string } {
  const dataDir = process.env.E2E_DATA_DIR!
  const urlFile = path.join(dataDir, 'database-url')
  return existsSync(urlFile) ? { DATA_DIR: dataDir, DATABASE_URL: readFileSync(urlFile, 'utf8').trim() } : { DATA_DIR: dataDir }
}

export function openE2eDatabase() {
  const env = e2eDatabaseEnv()
  return openDatabase(env.DATABASE_URL ?? path.join(env.DATA_DIR, 'certdesk.db'))
}
