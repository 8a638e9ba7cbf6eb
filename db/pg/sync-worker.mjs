// @ts-check
/**
 * The thread that talks to PostgreSQL for db/pg/sync-client.ts. The main thread blocks on Atomics.wait while
 * this one runs node-postgres; each answer is posted on the port, then the shared word is set and notified.
 *
 * JavaScript, not TypeScript: Node itself loads a worker thread, outside tsx and vitest's transform, and a
 * TypeScript loader in every worker would cost start-up time per connection and a loader in production.
 */
import { workerData } from 'node:worker_threads'
import pg from 'pg'

/** @type {{ url: string, signal: SharedArrayBuffer, port: import('node:worker_threads').MessagePort, migrationsFolder?: string, queryTimeoutMs: number, connectTimeoutMs: number }} */
const config = workerData
const signal = new Int32Array(config.signal)
const port = config.port

// SQLite hands back integers and reals as numbers and has no booleans; so do we: counts (int8), sums and
// averages (numeric) as numbers, comparisons (bool) as 1/0. Dates are stored as ISO text and stay text.
const types = {
  getTypeParser(/** @type {number} */ oid, /** @type {any} */ format) {
    if (oid === 20 || oid === 1700) return (/** @type {string} */ v) => Number(v)
    if (oid === 16) return (/** @type {string} */ v) => (v === 't' ? 1 : 0)
    if (oid === 1082 || oid === 1114 || oid === 1184) return (/** @type {string} */ v) => v
    return pg.types.getTypeParser(oid, format)
  },
}

/** @type {pg.Client | null} */
let client = null
let inTransaction = false
/** the connection died inside a transaction: everything up to its end fails, nothing is committed */
let transactionLost = false

function reply(/** @type {object} */ message) {
  port.postMessage(message)
  Atomics.store(signal, 0, 1)
  Atomics.notify(signal, 0)
}

async function connect() {
  const next = new pg.Client({
    connectionString: config.url,
    types,
    connectionTimeoutMillis: config.connectTimeoutMs,
    query_timeout: config.queryTimeoutMs,
    // the server gives up too, so a query the client stopped waiting for does not hold locks
    statement_timeout: config.queryTimeoutMs,
    keepAlive: true,
    application_name: 'certdesk',
  })
  // the connection is gone (server restart, network): the next request reconnects
  next.on('error', () => client === next && lose())
  next.on('end', () => client === next && lose())
  await next.connect()
  client = next
}

function lose() {
  const old = client
  client = null
  if (inTransaction) transactionLost = true
  old?.end().catch(() => {})
}

/** @param {{ op: string, sql?: string, params?: unknown[], array?: boolean }} req */
async function handle(req) {
  if (req.op === 'close') {
    await client?.end().catch(() => {})
    client = null
    return {}
  }
  if (req.op === 'end' && transactionLost) {
    inTransaction = false
    transactionLost = false
    if (/^\s*rollback/i.test(req.sql ?? '')) return {}
    throw Object.assign(new Error('the connection to the database was lost during the transaction: nothing was committed'), { code: '08006' })
  }
  if (transactionLost) throw Object.assign(new Error('the connection to the database was lost during the transaction'), { code: '08006' })
  if (!client) await connect()
  const c = /** @type {pg.Client} */ (client)
  if (req.op === 'exec') {
    await c.query(/** @type {string} */ (req.sql))
    return {}
  }
  const params = (req.params ?? []).map((v) => (v instanceof Uint8Array && !Buffer.isBuffer(v) ? Buffer.from(v.buffer, v.byteOffset, v.byteLength) : v))
  try {
    const res = await c.query({ text: /** @type {string} */ (req.sql), values: params, rowMode: req.array ? 'array' : undefined })
    if (req.op === 'begin') inTransaction = true
    if (req.op === 'end') inTransaction = false
    return { rows: res.rows, fields: res.fields?.map((f) => f.name) ?? [], rowCount: res.rowCount ?? 0 }
  } catch (err) {
    // a failed COMMIT has ended the transaction too
    if (req.op === 'end') inTransaction = false
    // a timeout leaves the protocol mid-query: drop the connection rather than read a late answer as the next one's
    if (/timeout/i.test(String(/** @type {Error} */ (err).message)) && !(/** @type {{ code?: string }} */ (err).code)) lose()
    throw err
  }
}

/** What crosses back to the main thread: an Error's own fields survive structured cloning only as data. */
function errorOf(/** @type {unknown} */ err) {
  const e = /** @type {Record<string, unknown>} */ (err ?? {})
  return {
    message: String(e.message ?? err),
    code: typeof e.code === 'string' ? e.code : undefined,
    detail: typeof e.detail === 'string' ? e.detail : undefined,
    constraint: typeof e.constraint === 'string' ? e.constraint : undefined,
  }
}

/**
 * Text must sort as in SQLite, by code point (keyset cursors, the tests' expected orders, GLOB-like prefixes);
 * a database made with a language's collation would quietly sort otherwise.
 */
async function checkCollation(/** @type {pg.Client} */ c) {
  const { rows } = await c.query("select datcollate, pg_encoding_to_char(encoding) enc from pg_database where datname = current_database()")
  const { datcollate, enc } = rows[0] ?? {}
  if (/^(C|POSIX|C\.UTF-?8)$/i.test(datcollate) && enc === 'UTF8') return
  throw new Error(
    `the database's collation is ${datcollate} (${enc}); Certdesk needs UTF8 with collation C, to sort text as SQLite does: ` +
      `CREATE DATABASE … TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'`,
  )
}

const MIGRATION_LOCK = 'certdesk.migrations'

async function start() {
  try {
    await connect()
    await checkCollation(/** @type {pg.Client} */ (client))
    if (config.migrationsFolder) {
      // drizzle's PostgreSQL migrator is asynchronous: it runs here, before the main thread's first query
      const [{ drizzle }, { migrate }] = await Promise.all([import('drizzle-orm/node-postgres'), import('drizzle-orm/node-postgres/migrator')])
      const c = /** @type {pg.Client} */ (client)
      // replicas started together would each run the same migrations ("relation already exists"): the first
      // takes this lock and migrates, the others wait for it and then find nothing left to do
      await c.query('select pg_advisory_lock(hashtext($1))', [MIGRATION_LOCK])
      try {
        await migrate(drizzle(c), { migrationsFolder: config.migrationsFolder })
      } finally {
        await c.query('select pg_advisory_unlock(hashtext($1))', [MIGRATION_LOCK]).catch(() => {})
      }
    }
    reply({ id: 0 })
  } catch (err) {
    reply({ id: 0, error: errorOf(err) })
  }
}

let queue = start()
port.on('message', (/** @type {{ id: number, op: string }} */ req) => {
  // one request at a time, in order: BEGIN, its statements and COMMIT must reach the one connection in sequence
  queue = queue.then(async () => {
    try {
      reply({ id: req.id, ...(await handle(req)) })
    } catch (err) {
      reply({ id: req.id, error: errorOf(err) })
    }
    if (req.op === 'close') port.close()
  })
})
