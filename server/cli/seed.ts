import { inTransaction } from '../../db/client'
import { openDatabase } from '../../db/client'
import { insertScaleData, SCALE_DEFAULT } from '../../db/seed/scale'
import { readEnv } from '../env'
import { recordAudit, SYSTEM_ACTOR } from '../lib/audit'
import { writeDemoCards } from '../lib/demo-cards'
import { addDemoCertificates } from '../lib/demo-certificates' // certificates
import { seedDemo } from '../lib/seeding'
import { ensureCaHierarchy } from '../modules/ca/ca.service'
import { caSettings } from '../modules/ca/ca.settings'
import { DEMO_CARD_PIN } from '../../db/seed/demo-data'

/**
 * `npm run seed [-- --scale [N]]`: the demo data, and with --scale the benchmark rows — a million certificates
 * and half a million applications, or N certificates and N/2 applications.
 */
const scale = scaleArgument(process.argv.slice(2))

function scaleArgument(args: string[]): { certificates: number; applications: number } | null {
  const at = args.findIndex((a) => a === '--scale' || a.startsWith('--scale='))
  const unknown = args.filter((a, i) => i !== at && !(i === at + 1 && /^\d+$/.test(a) && args[at] === '--scale'))
  if (unknown.length) fail(`Unknown argument: ${unknown.join(' ')}`)
  if (at < 0) return null
  const given = args[at]!.startsWith('--scale=') ? args[at]!.slice('--scale='.length) : args[at + 1]
  if (given === undefined) return SCALE_DEFAULT
  const n = Number(given)
  if (!/^\d+$/.test(given) || n < 2 || n > 10_000_000) fail('--scale takes a whole number of certificates from 2 to 10,000,000 (applications: half of it)')
  return { certificates: n, applications: Math.floor(n / 2) }
}

function fail(message: string): never {
  console.error(message)
  process.exit(2)
}

const env = readEnv()
const database = openDatabase(env.DATABASE_URL ?? env.dbFile)
const now = new Date()
const counts = await seedDemo({ db: database.db, passwordCost: env.PASSWORD_HASH_COST, now })
// the database seeded, not always the SQLite file: DATABASE_URL's PostgreSQL without its credentials
const target = env.DATABASE_URL ? env.DATABASE_URL.replace(/\/\/[^@/]*@/, '//…@') : env.dbFile
console.log(`Demo data in ${target}: added ${JSON.stringify(counts)}`)
const ca = caSettings(env)
await ensureCaHierarchy({ db: database.db, settings: ca, now })
const cardsDir = await writeDemoCards({ db: database.db, settings: ca, dataDir: env.DATA_DIR, now })
if (cardsDir) console.log(`Demo cards (PIN ${DEMO_CARD_PIN}) written to ${cardsDir}`)
const demoSerials = await addDemoCertificates({ db: database.db, settings: ca, now }) // certificates
if (demoSerials.length) console.log(`Demo customs certificates: ${demoSerials.join(', ')}`)

if (scale) {
  const started = performance.now()
  const added = insertScaleData(database.sqlite, { ...scale, now })
  inTransaction(database.db, (tx) => recordAudit(tx, { actor: SYSTEM_ACTOR, requestId: null, ip: null, now }, { action: 'seed.scale', entity: 'database', after: added }))
  console.log(`Added ${added.certificates} certificates, ${added.applications} applications and ${added.feeSlips} fee slips in ${((performance.now() - started) / 1000).toFixed(1)} s`)
}
database.close()
