import { openDatabase, type Database_ } from '../../db/client'
import { freshTestDatabase } from '../../db/pg/test-databases'
import { DEMO_PASSWORD } from '../../db/seed/demo-data'
import { createApp } from '../app'
import { testEnv, type Env } from '../env'
import { caSettings } from '../modules/ca/ca.settings'
import { ensureCaHierarchy } from '../modules/ca/ca.service'
import { createLogger } from './logger'
import { seedDemo } from './seeding'

/**
 * The real app on a private in-memory database with the migrations and the demo data applied, and a clock
 * the test moves. Only tests import this.
 */
export async function createTestApp(overrides: Partial<Env> = {}, options: { ca?: boolean; file?: string } = {}) {
  const env = testEnv(overrides)
  // on SQLite a file when a test needs a second connection (exports read on their own)
  const database = openTestDatabase(env, options.file)
  let now = new Date('2026-11-20T02:00:00.000Z')
  await seedDemo({ db: database.db, passwordCost: env.PASSWORD_HASH_COST, now })
  // ECDSA P-256 CA keys: RSA-2048 generation would cost seconds per test file; the product uses RSA.
  if (options.ca) await ensureCaHierarchy({ db: database.db, settings: caSettings(env), now, generateKeyPair: testKeyPair })
  const ca = caSettings(env)
  const app = createApp({ db: database.db, env, log: createLogger('silent'), clock: () => now, ca })

  async function call(method: string, path: string, opts: { body?: unknown; raw?: string; headers?: Record<string, string>; as?: Session } = {}) {
    const headers: Record<string, string> = { ...opts.headers }
    if (opts.body !== undefined) headers['content-type'] ??= 'application/json'
    if (opts.as) {
      headers.cookie = opts.as.cookie
      if (method !== 'GET') headers['x-csrf-token'] ??= opts.as.csrfToken
    }
    const res = await app.request(path, { method, headers, body: opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)) })
    const text = await res.text()
    return { status: res.status, json: parseJson(text), headers: res.headers, text }
  }

  async function login(username: string, password = DEMO_PASSWORD): Promise<Session> {
    const res = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) })
    if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${await res.text()}`)
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!
    const body = (await res.json()) as { csrfToken: string }
    return { cookie, csrfToken: body.csrfToken }
  }

  return {
    app,
    db: database.db,
    ca,
    sqlite: database.sqlite,
    env,
    call,
    login,
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms)
    },
    now: () => now,
    dialect: database.dialect,
    close: () => database.close(),
  }
}

/**
 * A private, migrated, empty database: in memory on SQLite; on PostgreSQL (DATABASE_URL, vitest.pg.config.ts) a
 * database of its own, copied from a migrated template and dropped at close.
 */
export function openTestDatabase(env: Env = testEnv(), file?: string): Database_ {
  const pg = env.DATABASE_URL ? freshTestDatabase(env.DATABASE_URL) : null
  const database = openDatabase(pg?.url ?? file ?? ':memory:')
  return {
    ...database,
    close: () => {
      database.close()
      pg?.drop()
    },
  }
}

/** Loosely typed on purpose: tests assert on the wire shape itself. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function parseJson(text: string): any {
  try {
    return text ? JSON.parse(text) : null
  } catch {
    return null
  }
}

export const testKeyPair = () => globalThis.crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']) as Promise<CryptoKeyPair>

/**
 * Demo cards for tests: ECDSA keys, and .p12 files at OpenSSL's 2,048 iterations instead of the product's 100,000,
 * whose PKCS #12 MAC (pure-JS SHA-256, as in the browser) cost about 0.8 s of CPU per test that wrote and opened them.
 */
export const testCards = { generateKeyPair: testKeyPair, pfxIterations: 2048 }

export interface Session {
  cookie: string
  csrfToken: string
}
