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
    insertScaleData(t.sqlite, { count: 500, now: t.now() })
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
    insertScaleData(t.sqlite, { count: 300, now: t.now() })
    const s = await t.login('clerk.keelung')
    const d = (await t.call('GET', '/api/dashboard', { as: s })).json
    expect(d.scope).toBe('AA')
    expect(d.firms).toBe(2)
    expect(d.staffActive).toBe(2)
    expect(d.applicationsByStatus.A0).toBe(count("select count(*) n from applications where status = 'A0' and office_code = 'AA'"))
    expect(d.applicationsByStatus.A0).toBeLessThan(count("select count(*) n from applications where status = 'A0'"))
  })
})
