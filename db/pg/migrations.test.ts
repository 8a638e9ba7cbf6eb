import { spawn } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PgSyncClient } from './sync-client'
import { withDatabase } from './test-databases'
import { startTestPostgres, type TestPostgres } from './test-server'

let server: TestPostgres
let admin: PgSyncClient

beforeAll(async () => {
  server = await startTestPostgres()
  admin = new PgSyncClient(server.url)
}, 60_000)

afterAll(() => {
  admin?.close()
  server?.stop()
})

const root = fileURLToPath(new URL('../..', import.meta.url))
const migrations = readdirSync(fileURLToPath(new URL('../migrations-pg', import.meta.url))).filter((f) => f.endsWith('.sql')).length

/** A process that opens the database as a replica's start does (openDatabase migrates), and exits. */
function replicaStart(url: string): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', "import('./db/client.ts').then((m) => m.openDatabase(process.argv[1]).close())", url], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr })))
}

describe('replicas started together on an empty PostgreSQL database', () => {
  it('all start: the first runs the migrations, the others wait for it and find nothing left to do', async () => {
    admin.exec(`create database fresh_start template template0 encoding 'UTF8' locale 'C'`)
    const url = withDatabase(server.url, 'fresh_start')
    const starts = await Promise.all([replicaStart(url), replicaStart(url), replicaStart(url)])
    expect(starts.map((s) => (s.code === 0 ? 0 : s.stderr.split('\n').find((l) => /^\w*Error: /.test(l)) ?? s.code))).toEqual([0, 0, 0])
    const db = new PgSyncClient(url)
    expect(db.prepare('select count(*) n from drizzle.__drizzle_migrations').pluck().get()).toBe(migrations)
    db.close()
  }, 120_000)
})
