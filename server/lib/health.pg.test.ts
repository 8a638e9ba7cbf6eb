import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type Database_ } from '../../db/client'
import { startTestPostgres, type TestPostgres } from '../../db/pg/test-server'
import { createApp } from '../app'
import { testEnv } from '../env'
import { caSettings } from '../modules/ca/ca.settings'
import { createLogger } from './logger'

let pg: TestPostgres
let database: Database_
let app: ReturnType<typeof createApp>

beforeAll(async () => {
  pg = await startTestPostgres()
  database = openDatabase(pg.url)
  const env = testEnv({ DATABASE_URL: pg.url })
  app = createApp({ db: database.db, env, log: createLogger('silent'), clock: () => new Date(), ca: caSettings(env) })
}, 60_000)

afterAll(() => {
  database?.close()
  pg?.stop()
})

const health = async () => {
  const res = await app.request('/api/health')
  return { status: res.status, body: await res.json() }
}

describe('a replica that loses its PostgreSQL', () => {
  it('answers 503 on health while the database is down, and 200 again by itself once it is back', async () => {
    expect(await health()).toEqual({ status: 200, body: { status: 'ok' } })
    pg.pause()
    expect(await health()).toEqual({ status: 503, body: { status: 'unavailable', reason: 'database' } })
    expect(await health()).toEqual({ status: 503, body: { status: 'unavailable', reason: 'database' } })
    pg.resume()
    expect(await health()).toEqual({ status: 200, body: { status: 'ok' } })
  }, 60_000)
})
