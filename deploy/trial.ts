import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { startTestPostgres } from '../db/pg/test-server'
import { startReplicaSet } from './replica-set'

/**
 * `npm run trial:replicas`: Certdesk as docs/operations.md deploys it, on this machine: PostgreSQL, REPLICAS
 * processes (2 by default) and nginx in front on PORT (8080 by default). With DATABASE_URL it uses that
 * database; without, a throwaway PostgreSQL cluster that is removed on Ctrl-C.
 */
const replicas = Number(process.env.REPLICAS ?? 2)
const port = Number(process.env.PORT ?? 8080)
const dataDir = path.resolve(process.env.DATA_DIR ?? 'data/trial')
mkdirSync(dataDir, { recursive: true })
const pg = process.env.DATABASE_URL ? null : await startTestPostgres()
const databaseUrl = process.env.DATABASE_URL ?? pg!.url
const set = await startReplicaSet({ replicas, databaseUrl, dataDir, port })
console.log(`\nCertdesk on PostgreSQL (${databaseUrl.replace(/\/\/[^@]*@/, '//…@')}), ${replicas} replicas behind nginx: ${set.url}/console`)
for (const [i, r] of set.replicas.entries()) console.log(`  replica ${i + 1}: ${r.url} (pid ${r.pid()})`)
const stop = async () => {
  await set.stop()
  pg?.stop()
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
