import { parseArgs } from 'node:util'
import { openDatabase } from '../../db/client'
import { readEnv } from '../env'
import { isJobName, jobs, runJob } from '../jobs/runner'
import { caSettings } from '../modules/ca/ca.settings'

/**
 * `npm run job -- <name> [--at <ISO time>]`: runs one scheduled job now, records the run, prints what it did.
 * `--at` runs it as of another moment (a rehearsal of a deadline, and the end-to-end test of the fee deadline).
 */
const { positionals, values } = parseArgs({ allowPositionals: true, options: { at: { type: 'string' } } })
const name = positionals[0] ?? ''
const at = values.at ? new Date(values.at) : new Date()
if (!isJobName(name) || Number.isNaN(at.getTime())) {
  console.error(`usage: npm run job -- <${Object.keys(jobs).join(' | ')}> [--at <ISO time>]`)
  process.exit(2)
}
const env = readEnv()
const database = openDatabase(env.DATABASE_URL ?? env.dbFile)
const result = await runJob(name, { db: database.db, ca: caSettings(env) }, at)
database.close()
console.log(JSON.stringify({ job: name, ...result }, null, 2))
process.exit(result.ok ? 0 : 1)
