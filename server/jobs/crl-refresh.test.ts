import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp } from '../lib/testing'
import { refreshCrls } from './crl-refresh'

let t: Awaited<ReturnType<typeof createTestApp>>
beforeAll(async () => {
  t = await createTestApp({}, { ca: true })
})
afterAll(() => t.close())

describe('the CRL refresh job', () => {
  it('signs every CA\'s first CRL, then nothing until half the validity has passed', async () => {
    expect((await refreshCrls({ db: t.db, settings: t.ca, now: t.now() })).sort()).toEqual(['customs', 'grca', 'moeaca', 'moica', 'twca'])
    t.advance(6 * 3_600_000)
    expect(await refreshCrls({ db: t.db, settings: t.ca, now: t.now() })).toEqual([])
    t.advance(7 * 3_600_000)
    expect((await refreshCrls({ db: t.db, settings: t.ca, now: t.now() })).length).toBe(5)
    const numbers = t.sqlite.prepare("select crl_number, next_update from crls where ca_name = 'customs' order by crl_number").all() as { crl_number: number; next_update: string }[]
    expect(numbers.map((r) => r.crl_number)).toEqual([1, 2])
    expect(Date.parse(numbers[1]!.next_update)).toBeGreaterThan(t.now().getTime())
  })
})
