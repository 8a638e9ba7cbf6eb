import Database from 'better-sqlite3'
import { Hono } from 'hono'
import { openDatabase } from '../db/client'
import { createApp } from '../server/app'
import { readEnv } from '../server/env'
import { createLogger } from '../server/lib/logger'
import { caSettings } from '../server/modules/ca/ca.settings'
import { captureSql, signIn } from './capture-sql'
import { LIST_PATHS } from './endpoints'

/**
 * Section (a) in process, for deciding between changes: the real app (`app.request()`, no sockets) against a
 * bare Hono app running the statements Certdesk ran for each path, prepared once, alternating in rounds so a
 * busy machine slows both alike. Prints the mean time per request and the ratio of rates. The HTTP layer both
 * servers share is left out, so these ratios are lower than the load test's.
 * `DATA_DIR=… npx tsx bench/lists-in-process.ts [path…]`; `ONLY_OURS=1 node --cpu-prof --import tsx bench/lists-in-process.ts …` profiles Certdesk's side alone.
 */
const env = readEnv()
const paths = process.argv.slice(2).length ? process.argv.slice(2) : LIST_PATHS
const ROUNDS = Number(process.env.ROUNDS ?? 5)
const PER_ROUND = Number(process.env.PER_ROUND ?? 400)

const routes = await captureSql(env, 'auditor', paths)
const database = openDatabase(env.dbFile)
const app = createApp({ db: database.db, env, log: createLogger('silent'), clock: () => new Date(), ca: caSettings(env) })
const cookie = await signIn(app, 'auditor')

const sqlite = new Database(env.dbFile)
const prepared = new Map(routes.map((r) => [r.path, r.statements.map((s) => ({ stmt: sqlite.prepare(s.sql), params: s.params }))]))
const bare = new Hono().get('*', (c) => {
  const url = new URL(c.req.url)
  return c.json(prepared.get(url.pathname + url.search)!.map((s) => s.stmt.all(...s.params)))
})

async function time(call: () => Promise<Response>, n: number): Promise<number> {
  const started = performance.now()
  for (let i = 0; i < n; i++) {
    const res = await call()
    if (res.status !== 200) throw new Error(`${res.status} ${await res.text()}`)
    await res.arrayBuffer()
  }
  return (performance.now() - started) / n
}

for (const p of paths) {
  if (process.env.ONLY_OURS) {
    // for a CPU profile of Certdesk's side alone
    const ms = await time(() => app.request(p, { headers: { cookie } }) as Promise<Response>, ROUNDS * PER_ROUND)
    console.log(`${decodeURIComponent(p).padEnd(36)} ours ${ms.toFixed(3)} ms`)
    continue
  }
  const oursCall = () => app.request(p, { headers: { cookie } }) as Promise<Response>
  const bareCall = () => bare.request(p) as Promise<Response>
  await time(oursCall, 50)
  await time(bareCall, 50)
  let o = 0
  let b = 0
  for (let r = 0; r < ROUNDS; r++) {
    b += await time(bareCall, PER_ROUND)
    o += await time(oursCall, PER_ROUND)
  }
  o /= ROUNDS
  b /= ROUNDS
  console.log(`${decodeURIComponent(p).padEnd(36)} ours ${o.toFixed(3)} ms  bare ${b.toFixed(3)} ms  ratio ${(b / o).toFixed(2)}  (${routes.find((r) => r.path === p)!.statements.length} statements)`)
}
database.close()
sqlite.close()
