import Database from 'better-sqlite3'
import pg from 'pg'
import { PgSyncClient } from '../db/pg/sync-client'
import { startTestPostgres } from '../db/pg/test-server'

/**
 * `npx tsx bench/pg-bridge.ts`: what the synchronous bridge (docs/decisions/0017) costs per statement, against
 * node-postgres used asynchronously on the same server, one statement in flight at a time in both (a request's
 * queries run one after another either way). On DATABASE_URL when given, else on a throwaway local cluster.
 */
const N = Number(process.argv[2] ?? 5000)
const local = process.env.DATABASE_URL ? null : await startTestPostgres()
const url = process.env.DATABASE_URL ?? local!.url

try {
  const setup = new pg.Client({ connectionString: url })
  await setup.connect()
  await setup.query('drop table if exists bench_rows; create table bench_rows (id bigint primary key, name text not null)')
  await setup.query("insert into bench_rows select g, 'row ' || g from generate_series(1, 1000) g")

  const rate = (ms: number) => Math.round((N / ms) * 1000)
  const time = async (f: (i: number) => unknown) => {
    for (let i = 0; i < 200; i++) await f(i) // warm-up
    const t0 = performance.now()
    for (let i = 0; i < N; i++) await f(i)
    return performance.now() - t0
  }

  const asyncMs = await time((i) => setup.query('select id, name from bench_rows where id = $1', [(i % 1000) + 1]))
  await setup.end()

  const bridge = new PgSyncClient(url)
  const stmt = bridge.prepare('select id, name from bench_rows where id = ?')
  const bridgeMs = await time((i) => stmt.get((i % 1000) + 1))
  const writeMs = await time((i) => bridge.prepare('update bench_rows set name = ? where id = ?').run(`n${i}`, (i % 1000) + 1))
  const txMs = await time((i) => bridge.transaction(() => bridge.prepare('update bench_rows set name = ? where id = ?').run(`t${i}`, (i % 1000) + 1))())
  bridge.exec('drop table bench_rows')
  bridge.close()

  const sqlite = new Database(':memory:')
  sqlite.exec("create table bench_rows (id integer primary key, name text not null)")
  const add = sqlite.prepare('insert into bench_rows values (?, ?)')
  for (let i = 1; i <= 1000; i++) add.run(i, `row ${i}`)
  const s = sqlite.prepare('select id, name from bench_rows where id = ?')
  const sqliteMs = await time((i) => s.get((i % 1000) + 1))
  sqlite.close()

  console.log(`${N} point selects by primary key, one at a time:`)
  console.log(`  node-postgres, async:      ${rate(asyncMs)}/s  (${((asyncMs / N) * 1000).toFixed(0)} µs each)`)
  console.log(`  bridge (sync, worker):     ${rate(bridgeMs)}/s  (${((bridgeMs / N) * 1000).toFixed(0)} µs each, +${(((bridgeMs - asyncMs) / N) * 1000).toFixed(0)} µs over async)`)
  console.log(`  better-sqlite3, memory:    ${rate(sqliteMs)}/s  (${((sqliteMs / N) * 1000).toFixed(1)} µs each)`)
  console.log(`  bridge, one update:        ${rate(writeMs)}/s`)
  console.log(`  bridge, serializable transaction of one update (begin, update, commit): ${rate(txMs)}/s`)
} finally {
  local?.stop()
}
