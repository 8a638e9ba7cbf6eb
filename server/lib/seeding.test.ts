import { describe, expect, it } from 'vitest'
import type { openDatabase } from '../../db/client'
import { openTestDatabase } from './testing'
import { prepareDatabase, seedDemo } from './seeding'

const count = (sqlite: ReturnType<typeof openDatabase>['sqlite'], table: string) => (sqlite.prepare(`select count(*) n from ${table}`).get() as { n: number }).n

describe('first start', () => {
  it('seeds a new database once; a second start or seed run adds nothing', async () => {
    const { db, sqlite, close } = openTestDatabase()
    const now = new Date('2026-11-22T00:00:00Z')
    expect(await prepareDatabase({ db, passwordCost: 10, now, demo: true })).toBe('seeded')
    const before = ['offices', 'staff', 'firms', 'brokers', 'appointments', 'audit_log'].map((t) => count(sqlite, t))
    expect(before).toEqual([5, 7, 8, 11, 10, 1])
    expect(await prepareDatabase({ db, passwordCost: 10, now, demo: true })).toBe('existing')
    expect(await seedDemo({ db, passwordCost: 10, now })).toEqual({ offices: 0, staff: 0, firms: 0, brokers: 0, appointments: 0, portalAccounts: 0 })
    expect(['offices', 'staff', 'firms', 'brokers', 'appointments', 'audit_log'].map((t) => count(sqlite, t))).toEqual(before)
    close()
  })

  it('gives a database without demo data only the offices', async () => {
    const { db, sqlite, close } = openTestDatabase()
    expect(await prepareDatabase({ db, passwordCost: 10, now: new Date(), demo: false })).toBe('empty')
    expect([count(sqlite, 'offices'), count(sqlite, 'staff'), count(sqlite, 'firms')]).toEqual([5, 0, 0])
    close()
  })
})
