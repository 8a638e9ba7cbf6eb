import { openDatabase } from '../../db/client'
import { readEnv } from '../env'
import { isJobName, jobs, runJob } from '../jobs/runner'
import { caSettings } from '../modules/ca/ca.settings'

/** `npm run job -- <name>`: runs one scheduled job now, records the run, prints what it did. */
const name = process.argv[2] ?? ''
if (!isJobName(name)) {
  console.error(`usage: npm run job -- <${Object.keys(jobs).join(' | ')}>`)
  process.exit(2)
}
const env = readEnv()
const database = openDatabase(env.dbFile)
const result = await runJob(name, { db: database.db, ca: caSettings(env) }, new Date())
database.close()
console.log(JSON.stringify({ job: name, ...result }, null, 2))
process.exit(result.ok ? 0 : 1)
