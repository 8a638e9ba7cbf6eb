import { existsSync } from 'node:fs'
import path from 'node:path'
import { openDatabase } from '../../db/client'
import { DEMO_CARD_PIN, DEMO_PASSWORD, demoStaff } from '../../db/seed/demo-data'
import { createApp } from '../app'
import { readEnv } from '../env'
import { serveApp } from '../lib/http-server'
import { createLogger } from '../lib/logger'
import { startScheduler } from '../jobs/scheduler'
import { createMailDispatcher } from '../lib/mail/dispatcher'
import { writeDemoCards } from '../lib/demo-cards'
import { addDemoCertificates } from '../lib/demo-certificates' // certificates
import { prepareDatabase } from '../lib/seeding'
import { ensureCaHierarchy } from '../modules/ca/ca.service'
import { caSettings } from '../modules/ca/ca.settings'

/** `npm start`: build the SPA if needed (unless NO_WEB_BUILD), create or migrate the database, seed a new one, and serve. */
const env = readEnv()
const log = createLogger(env.LOG_LEVEL)

if (!env.NO_WEB_BUILD && !existsSync(path.join(env.distDir, 'index.html'))) {
  console.log('Building the web app (first start only)…')
  const { build } = await import('vite')
  await build({ configFile: path.resolve('vite.config.ts'), logLevel: 'warn' })
}

const database = openDatabase(env.DATABASE_URL ?? env.dbFile)
const state = await prepareDatabase({ db: database.db, passwordCost: env.PASSWORD_HASH_COST, now: new Date(), demo: !env.NO_DEMO })
const ca = caSettings(env)
if ((await ensureCaHierarchy({ db: database.db, settings: ca, now: new Date() })) === 'created') {
  console.log('Created the embedded test CA hierarchy (GRCA, MOICA, MOEACA, TWCA and the customs CA).')
}
if (state === 'seeded') {
  console.log('Making the demo smart cards…')
  const dir = await writeDemoCards({ db: database.db, settings: ca, dataDir: env.DATA_DIR, now: new Date() })
  if (dir) console.log(`Demo cards (PIN ${DEMO_CARD_PIN}) are in ${dir}`)
  const serials = await addDemoCertificates({ db: database.db, settings: ca, now: new Date() }) // certificates
  if (serials.length) console.log(`Demo customs certificates: ${serials.join(', ')}`)
}
const app = createApp({ db: database.db, env, log, clock: () => new Date(), ca })

// Mail is sent only when SMTP_URL is set; otherwise it waits in the outbox (console: 寄件匣).
const mailer = env.SMTP_URL ? createMailDispatcher({ db: database.db, smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, maxAttempts: env.MAIL_MAX_ATTEMPTS, log }) : null
if (mailer) mailer.start()
else log.info('SMTP_URL is not set: mail is kept in the outbox, not sent')
const stopScheduler = startScheduler({ db: database.db, ca, log })

const server = serveApp(app, { port: env.PORT, hostname: env.HOST }, (info) => {
  const url = `http://${env.HOST === '0.0.0.0' || env.HOST === '127.0.0.1' ? 'localhost' : env.HOST}:${info.port}`
  console.log(`\nCertdesk is running at ${url}  (database: ${env.DATABASE_URL ? env.DATABASE_URL.replace(/\/\/[^@/]*@/, '//…@') : env.dbFile}${state === 'seeded' ? ', demo data just created' : ''})`)
  console.log(`  Console: ${url}/console    Portal: ${url}/portal`)
  if (state !== 'empty') {
    console.log(`  Demo sign-ins (password ${DEMO_PASSWORD}): ${demoStaff.map((s) => s.username).join(', ')}`)
  }
})

function shutdown(signal: string) {
  log.info('shutting down', { signal })
  stopScheduler()
  // No new sends; the one under way finishes before the database closes.
  const mailStopped = mailer?.stop()
  server.close(async () => {
    await mailStopped
    database.close()
    process.exit(0)
  })
  setTimeout(() => process.exit(0), 5000).unref()
}
process.on('SIGINT', () => shutdown('SIGINT'))
process.on('SIGTERM', () => shutdown('SIGTERM'))
