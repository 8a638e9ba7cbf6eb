import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { startTestPostgres } from '../db/pg/test-server'
import { startReplicaSet } from '../deploy/replica-set'
import { startSmtpTestServer } from '../server/lib/mail/smtp-test-server'

/**
 * The server of the PostgreSQL end-to-end run (playwright.pg.config.ts): a throwaway PostgreSQL cluster, two
 * replicas behind nginx on E2E_PORT, and the SMTP sink of e2e/serve.sh. The replicas' pids go to
 * `<data>/replicas.json` for the failover reporter, which kills one in the middle of the suite.
 */
const dataDir = process.env.E2E_DATA_DIR!
const mailDir = path.join(dataDir, 'mail')
mkdirSync(mailDir, { recursive: true })
let n = 0
const sink = await startSmtpTestServer({
  onMessage: (mail) => writeFileSync(path.join(mailDir, `${String(++n).padStart(4, '0')}.eml`), mail.raw, 'latin1'),
})
const pg = await startTestPostgres()
writeFileSync(path.join(dataDir, 'database-url'), pg.url)
const set = await startReplicaSet({
  replicas: 2,
  databaseUrl: pg.url,
  dataDir,
  port: Number(process.env.E2E_PORT),
  env: { SMTP_URL: sink.url, LOGIN_RATE_PER_MINUTE: '1000', PASSWORD_HASH_COST: '12' }, // as e2e/serve.sh
  quiet: true,
})
writeFileSync(path.join(dataDir, 'replicas.json'), JSON.stringify(set.replicas.map((r) => ({ url: r.url, pid: r.pid() }))))
console.log(`replicas ready behind ${set.url}`)

const stop = async () => {
  await set.stop()
  await sink.close()
  pg.stop()
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
