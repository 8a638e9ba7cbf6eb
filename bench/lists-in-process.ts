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
 * `DATA_DIR=… npx tsx bench/lists-in-process.ts [path…]` (ROUNDS, ROUND_MS); `ONLY_OURS=1 node --cpu-prof --import tsx bench/lists-in-process.ts …` profiles Certdesk's side alone.
 */
const env = readEnv()
const paths = process.argv.slice(2).length ? process.argv.slice(2) : LIST_PATHS
const ROUNDS = Number(process.env.ROUNDS ?? 10)
/** each side's time per round: short rounds, alternating, so a change in the machine's load hits both alike */
const ROUND_MS = Number(process.env.ROUND_MS ?? 300)

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

/** Mean milliseconds per call, calling for about `budgetMs` (at least three calls). */
async function time(call: () => Promise<Response>, budgetMs: number): Promise<number> {
  const started = performance.now()
  let n = 0
  while (n < 3 || performance.now() - started < budgetMs) {
    const res = await call()
    if (res.status !== 200) throw new Error(`${res.status} ${await res.text()}`)
    await res.arrayBuffer()
    n++
  }
  return (performance.now() - started) / n
}

for (const p of paths) {
  if (process.env.ONLY_OURS) {
    // for a CPU profile of Certdesk's side alone
    const ms = await time(() => app.request(p, { headers: { cookie } }) as Promise<Response>, ROUNDS * ROUND_MS)
    console.log(`${decodeURIComponent(p).padEnd(36)} ours ${ms.toFixed(3)} ms`)
    continue
  }
  const oursCall = () => app.request(p, { headers: { cookie } }) as Promise<Response>
  const bareCall = () => bare.request(p) as Promise<Response>
  await time(oursCall, ROUND_MS)
  await time(bareCall, ROUND_MS)
  let o = 0
  let b = 0
  for (let r = 0; r < ROUNDS; r++) {
    b += await time(bareCall, ROUND_MS)
    o += await time(oursCall, ROUND_MS)
  }
  o /= ROUNDS
  b /= ROUNDS
  console.log(`${decodeURIComponent(p).padEnd(36)} ours ${o.toFixed(3)} ms  bare ${b.toFixed(3)} ms  ratio ${(b / o).toFixed(2)}  (${routes.find((r) => r.path === p)!.statements.length} statements)`)
}
database.close()
sqlite.close()
