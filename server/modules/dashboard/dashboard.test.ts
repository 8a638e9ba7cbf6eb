import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { insertScaleData } from '../../../db/seed/scale'
import { createTestApp } from '../../lib/testing'

let t: Awaited<ReturnType<typeof createTestApp>>
beforeEach(async () => {
  t = await createTestApp()
})
afterEach(() => t.close())

const count = (sql: string, ...args: unknown[]) => (t.sqlite.prepare(sql).get(...args) as { n: number }).n

describe('the dashboard', () => {
  it('shows the counts in the database for headquarters', async () => {
    insertScaleData(t.sqlite, { certificates: 500, applications: 500, now: t.now() })
    const s = await t.login('admin')
    const d = (await t.call('GET', '/api/dashboard', { as: s })).json
    expect(d.scope).toBe('all')
    expect(d.firms).toBe(8)
    expect(d.brokers).toBe(11)
    expect(d.activeAppointments).toBe(count("select count(*) n from appointments where status = 'active'"))
    expect(d.staffActive).toBe(7)
    for (const status of ['00', 'R0', '10', '20', 'A0', 'A9']) {
      expect(d.applicationsByStatus[status], status).toBe(count('select count(*) n from applications where status = ?', status))
    }
    expect(d.applicationsOpen).toBe(count("select count(*) n from applications where status in ('00','10','20')"))
    expect(d.certificatesValid).toBe(count("select count(*) n from certificates where status = 'valid' and not_after >= ?", t.now().toISOString()))
    expect(d.auditToday).toBeGreaterThan(0)
  })

  it('scopes an office to its own counts', async () => {
    insertScaleData(t.sqlite, { certificates: 300, applications: 300, now: t.now() })
    const s = await t.login('clerk.keelung')
    const d = (await t.call('GET', '/api/dashboard', { as: s })).json
    expect(d.scope).toBe('AA')
    expect(d.firms).toBe(2)
    expect(d.staffActive).toBe(2)
    expect(d.applicationsByStatus.A0).toBe(count("select count(*) n from applications where status = 'A0' and office_code = 'AA'"))
    expect(d.applicationsByStatus.A0).toBeLessThan(count("select count(*) n from applications where status = 'A0'"))
  })
})

describe('the dashboard query', () => {
  const ask = async (query: string, username = 'admin') => t.call('GET', `/api/dashboard${query}`, { as: await t.login(username), headers: { 'accept-language': 'en' } })

  it('names the field of a bad office, date or period, and any field it does not know', async () => {
    const cases: [string, Record<string, string>][] = [
      ['?office=XX', { office: 'No such customs office' }],
      ['?office=I', { office: 'No such customs office' }],
      ['?from=2026-02-30', { from: 'Invalid date' }],
      ['?to=20261120', { to: 'Invalid date' }],
      ['?from=2026-11-20&to=2026-11-01', { to: 'The start date must not be after the end date' }],
      ['?from=2020-01-01&to=2026-11-20', { to: 'The period may span at most 5 years' }],
      ['?period=week', { period: 'This field is not accepted' }],
    ]
    for (const [query, fieldErrors] of cases) {
      const res = await ask(query)
      expect(res.status, query).toBe(400)
      expect(res.json.error, query).toMatchObject({ code: 'VALIDATION_FAILED', fieldErrors })
    }
    expect((await ask('?from=2026-11-20&to=2026-11-01', 'clerk.keelung')).status).toBe(400)
    expect((await ask('?from=2021-11-21&to=2026-11-20')).status).toBe(200)
  })

  it('is for signed-in staff only', async () => {
    expect((await t.call('GET', '/api/dashboard')).status).toBe(401)
  })
})
