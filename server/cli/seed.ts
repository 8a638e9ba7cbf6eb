import { parseArgs } from 'node:util'
import { inTransaction } from '../../db/client'
import { openDatabase } from '../../db/client'
import { insertScaleData } from '../../db/seed/scale'
import { readEnv } from '../env'
import { recordAudit, SYSTEM_ACTOR } from '../lib/audit'
import { writeDemoCards } from '../lib/demo-cards'
import { addDemoCertificates } from '../lib/demo-certificates' // certificates
import { seedDemo } from '../lib/seeding'
import { ensureCaHierarchy } from '../modules/ca/ca.service'
import { caSettings } from '../modules/ca/ca.settings'
import { DEMO_CARD_PIN } from '../../db/seed/demo-data'

/** `npm run seed [-- --scale N]`: the demo data, and optionally N applications and certificates for benchmarks. */
const { values } = parseArgs({ options: { scale: { type: 'string' } } })
const scale = values.scale === undefined ? 0 : Number(values.scale)
if (!Number.isInteger(scale) || scale < 0 || scale > 10_000_000) {
  console.error('--scale takes a whole number of rows from 0 to 10,000,000')
  process.exit(2)
}

const env = readEnv()
const database = openDatabase(env.dbFile)
const now = new Date()
const counts = await seedDemo({ db: database.db, passwordCost: env.PASSWORD_HASH_COST, now })
console.log(`Demo data in ${env.dbFile}: added ${JSON.stringify(counts)}`)
const ca = caSettings(env)
await ensureCaHierarchy({ db: database.db, settings: ca, now })
const cardsDir = await writeDemoCards({ db: database.db, settings: ca, dataDir: env.DATA_DIR, now })
if (cardsDir) console.log(`Demo cards (PIN ${DEMO_CARD_PIN}) written to ${cardsDir}`)
const demoSerials = await addDemoCertificates({ db: database.db, settings: ca, now }) // certificates
if (demoSerials.length) console.log(`Demo customs certificates: ${demoSerials.join(', ')}`)

if (scale > 0) {
  const started = performance.now()
  const added = insertScaleData(database.sqlite, { count: scale, now })
  inTransaction(database.db, (tx) => recordAudit(tx, { actor: SYSTEM_ACTOR, requestId: null, ip: null, now }, { action: 'seed.scale', entity: 'database', after: added }))
  console.log(`Added ${added.applications} applications and ${added.certificates} certificates in ${((performance.now() - started) / 1000).toFixed(1)} s`)
}
database.close()
