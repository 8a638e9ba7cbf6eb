import { readFileSync } from 'node:fs'
import { serve } from '@hono/node-server'
import Database from 'better-sqlite3'
import { Hono } from 'hono'

/**
 * The baseline of the list benchmark: Hono and better-sqlite3 with nothing else, answering each path with the
 * rows of the very statements Certdesk ran for it (captured by bench/capture-sql.ts), prepared once.
 * Run as `node --import tsx bench/bare-server.ts` with BARE_DB, BARE_ROUTES (a JSON file) and PORT.
 */
export interface BareRoute {
  path: string
  statements: { sql: string; params: unknown[] }[]
}

const sqlite = new Database(process.env.BARE_DB!)
sqlite.pragma('journal_mode = WAL')
sqlite.pragma('busy_timeout = 5000')
const routes = JSON.parse(readFileSync(process.env.BARE_ROUTES!, 'utf8')) as BareRoute[]
const prepared = new Map(routes.map((r) => [r.path, r.statements.map((s) => ({ stmt: sqlite.prepare(s.sql), params: s.params }))]))

const app = new Hono()
app.get('/api/health', (c) => c.json({ status: 'ok' }))
app.get('*', (c) => {
  const url = new URL(c.req.url)
  const statements = prepared.get(url.pathname + url.search)
  if (!statements) return c.notFound()
  return c.json(statements.map((s) => s.stmt.all(...s.params)))
})
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' })
