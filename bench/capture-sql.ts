import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import * as schema from '../db/schema'
import { DEMO_PASSWORD } from '../db/seed/demo-data'
import { createApp } from '../server/app'
import type { Env } from '../server/env'
import { createLogger } from '../server/lib/logger'
import { caSettings } from '../server/modules/ca/ca.settings'
import type { BareRoute } from './bare-server'

/**
 * Runs each path once through the real app on the benchmark database, in process, and records the SELECT
 * statements it sent to SQLite (drizzle's logger), leaving out the session's own lookups: what the bare
 * baseline server then runs for the same path.
 */
export async function captureSql(env: Env, username: string, paths: string[]): Promise<BareRoute[]> {
  let log: { sql: string; params: unknown[] }[] = []
  const sqlite = new Database(env.dbFile)
  sqlite.pragma('busy_timeout = 5000')
  const db = drizzle(sqlite, { schema, logger: { logQuery: (sql, params) => log.push({ sql, params }) } })
  const app = createApp({ db, env, log: createLogger('silent'), clock: () => new Date(), ca: caSettings(env) })
  const cookie = await signIn(app, username)
  // what any signed-in request costs (the session's lookups) is Certdesk's overhead, not the list's SQL
  log = []
  await app.request('/api/auth/me', { headers: { cookie } })
  const sessionSql = new Set(log.map((q) => q.sql))
  const routes: BareRoute[] = []
  for (const path of paths) {
    log = []
    const res = await app.request(path, { headers: { cookie } })
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`)
    routes.push({ path, statements: log.filter((q) => /^\s*select/i.test(q.sql) && !sessionSql.has(q.sql)) })
  }
  sqlite.close()
  return routes
}

export async function signIn(app: { request: (path: string, init: RequestInit) => Response | Promise<Response> }, username: string): Promise<string> {
  const res = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) })
  if (res.status !== 200) throw new Error(`sign-in as ${username}: ${res.status} ${await res.text()}`)
  return res.headers.get('set-cookie')!.split(';')[0]!
}
