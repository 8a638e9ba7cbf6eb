import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { insertScaleData } from '../db/seed/scale'
import { createTestApp } from '../server/lib/testing'

let t: Awaited<ReturnType<typeof createTestApp>>
beforeEach(async () => {
  t = await createTestApp()
})
afterEach(() => t.close())

const rows = <T>(sql: string, ...params: unknown[]) => t.sqlite.prepare(sql).all(...params) as T[]

/** The benchmark data must look like what the workflow makes, or the figures would measure impossible states. */
describe('the scale seed', () => {
  it('adds the certificates and applications asked for, with the fee slip each status implies and nothing else', () => {
    const before = rows<{ n: number }>('select count(*) n from applications')[0]!.n
    const added = insertScaleData(t.sqlite, { certificates: 4000, applications: 2000, now: t.now() })
    expect(added.certificates).toBe(4000)
    expect(rows<{ n: number }>('select count(*) n from applications')[0]!.n - before).toBe(2000)
    // a slip exactly for new and renew past acceptance: unpaid at 10, paid at 20 and A0, void at A9
    const wrong = rows(`select a.application_no, a.service, a.status, s.status slip from applications a left join fee_slips s on s.application_id = a.id
      where a.application_no in (select application_no from applications order by id desc limit 2000) and not (
        (a.service in ('new', 'renew') and a.status = '10' and s.status = 'unpaid') or
        (a.service in ('new', 'renew') and a.status in ('20', 'A0') and s.status = 'paid') or
        (a.service in ('new', 'renew') and a.status = 'A9' and s.status = 'void') or
        (a.status in ('00', 'R0') and s.id is null) or
        (a.service not in ('new', 'renew') and a.status = 'A0' and s.id is null))`)
    expect(wrong).toEqual([])
    // nothing waits for a payment past its due date at the seed's now: the fee-expiry job would have voided it
    const dayBefore = new Date(t.now().getTime() - 86_400_000).toISOString().slice(0, 10)
    expect(rows("select slip_no from fee_slips where status = 'unpaid' and due_on < ?", dayBefore)).toEqual([])
    // received before decided, and a decision exactly when the status is past 00
    const scale = '(select id from applications order by id desc limit 2000)'
    expect(rows(`select id from applications where id in ${scale} and (submitted_at is null or (status = '00') <> (decided_at is null) or decided_at < submitted_at)`)).toEqual([])
    // unique numbers that pass their check digits (the unique indexes would have refused duplicates)
    expect(rows<{ n: number }>("select count(distinct serial_hex) n from certificates")[0]!.n).toBe(rows<{ n: number }>('select count(*) n from certificates')[0]!.n)
  })
})
