import { openDatabase } from '../../db/client'
import { readEnv } from '../env'
import { verifyAuditChain } from '../modules/audit/audit.service'

/** `npm run audit:verify`: walks the hash chain; exits 1 and names the first broken row if it does not hold. */
const env = readEnv()
const database = openDatabase(env.DATABASE_URL ?? env.dbFile)
const result = verifyAuditChain({ db: database.db })
database.close()
if (result.ok) {
  console.log(`Audit chain OK: ${result.rows} rows verified.`)
} else {
  console.error(`Audit chain BROKEN at row ${result.brokenAt}: ${result.reason} (${result.rows} rows read).`)
  process.exit(1)
}
