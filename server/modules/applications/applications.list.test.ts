import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { COUNT_CAP } from '../../../core/contracts/paging'
import { openTestDatabase } from '../../lib/testing'
import { countApplications, listApplications, receivedKeyOf, type ApplicationFilter } from './applications.list'

/**
 * The queue's keyset walk over rows that tie on their received time, its search of part of the company name
 * (through application_names, kept by triggers) and its bounded count (decision 0016).
 */
const database = openTestDatabase()
afterAll(() => database.close())
const insert = database.sqlite.prepare(`insert into applications (application_no, channel, service, status, office_code, ubn, company_name, contact_name, contact_phone, contact_mobile, contact_email, business_type, kind, box_no, broker_code, privacy_consent, created_at, updated_at, submitted_at)
  values (?, 'paper', ?, ?, ?, ?, ?, 'x', '02-12345678', '0912345678', 'x@example.com', 'customs-broker', 'corporate', 'K01', ?, 1, ?, ?, ?)`)

const firms = [
  { ubn: '52111891', name: '基隆港通報關股份有限公司', office: 'AA' },
  { ubn: '61611290', name: '北辰報關股份有限公司', office: 'CA' },
  { ubn: '82656552', name: '高雄港興報關股份有限公司', office: 'BA' },
]

beforeAll(() => {
  database.sqlite.transaction(() => {
    for (const code of ['AA', 'BA', 'CA', 'DA']) database.sqlite.prepare(`insert into offices values (?, ?, ?)`).run(code, code, code)
    for (let i = 0; i < 90; i++) {
      const firm = firms[i % 3]!
      // three applications per minute: ties on the received time, broken by id
      const at = new Date(Date.UTC(2025, 2, 1, 0, Math.floor(i / 3))).toISOString()
      const status = i % 10 === 0 ? 'draft' : i % 3 === 0 ? '00' : 'A0'
      insert.run(`${firm.office}114${String(i + 1).padStart(6, '0')}0`, i % 4 === 0 ? 'renew' : 'new', status, firm.office, firm.ubn, firm.name, i % 5 === 0 ? 'A00001' : null, at, at, status === 'draft' ? null : at)
    }
  })()
})

const base: Omit<ApplicationFilter, 'limit'> = { scope: null, sort: 'submittedAt', order: 'asc' }

/** Every page of a list, following the cursor as the service does. */
function walk(f: Omit<ApplicationFilter, 'limit' | 'after'>, limit = 7): number[] {
  const ids: number[] = []
  let after: ApplicationFilter['after']
  for (;;) {
    const rows = listApplications(database.db, { ...f, after, limit: limit + 1 })
    const page = rows.slice(0, limit)
    ids.push(...page.map((r) => r.id))
    if (rows.length <= limit) return ids
    const last = page[page.length - 1]!
    after = { key: f.sort === 'applicationNo' ? last.applicationNo : receivedKeyOf(last), id: last.id }
  }
}

/** The same list in one query with SQL's own order, to compare the walk with. */
function expected(where: string, order: string): number[] {
  return (database.sqlite.prepare(`select id from applications where ${where} order by ${order}`).all() as { id: number }[]).map((r) => r.id)
}

describe('keyset paging over (received, id)', () => {
  it('walks every row once, in order, both ways, through ties', () => {
    expect(walk(base)).toEqual(expected(`status != 'draft'`, 'coalesce(submitted_at, created_at), id'))
    expect(walk({ ...base, order: 'desc' })).toEqual(expected(`status != 'draft'`, 'coalesce(submitted_at, created_at) desc, id desc'))
    expect(walk({ ...base, sort: 'applicationNo', order: 'desc', scope: 'BA' })).toEqual(expected(`status != 'draft' and office_code = 'BA'`, 'application_no desc, id desc'))
    expect(walk({ ...base, status: 'draft' })).toEqual(expected(`status = 'draft'`, 'created_at, id'))
  })

  it('finds part of a company name through the names, merged with the number, UBN and broker arms, without duplicates', () => {
    expect(walk({ ...base, q: '港' })).toEqual(expected(`status != 'draft' and company_name like '%港%'`, 'coalesce(submitted_at, created_at), id'))
    expect(walk({ ...base, q: 'A00001', order: 'desc' })).toEqual(expected(`status != 'draft' and broker_code = 'A00001'`, 'coalesce(submitted_at, created_at) desc, id desc'))
    expect(walk({ ...base, q: '52111891', status: '00' })).toEqual(expected(`status = '00' and ubn = '52111891'`, 'coalesce(submitted_at, created_at), id'))
    expect(walk({ ...base, q: '港通', sort: 'applicationNo' })).toEqual(expected(`status != 'draft' and company_name like '%港通%'`, 'application_no, id'))
  })

  it('keeps a renamed company findable by its new name, and its old rows by the old one', () => {
    database.sqlite.prepare(`update applications set company_name = '北辰國際物流股份有限公司' where id = (select max(id) from applications where ubn = '61611290')`).run()
    expect(walk({ ...base, q: '國際物流' })).toEqual(expected(`status != 'draft' and company_name like '%國際物流%'`, 'coalesce(submitted_at, created_at), id'))
    expect(walk({ ...base, q: '北辰報關' }).length).toBe(expected(`status != 'draft' and company_name like '%北辰報關%'`, 'id').length)
  })

  it('treats a broad search (more firms than it merges) the same, walking the order instead', () => {
    database.sqlite.transaction(() => {
      for (let i = 0; i < 40; i++) insert.run(`DA114${String(900 + i).padStart(6, '0')}0`, 'new', '00', 'DA', String(70000000 + i), `第${i}物流有限公司`, null, '2025-04-01T00:00:00.000Z', '2025-04-01T00:00:00.000Z', '2025-04-01T00:00:00.000Z')
    })()
    expect(walk({ ...base, q: '物流', order: 'desc' })).toEqual(expected(`status != 'draft' and company_name like '%物流%'`, 'coalesce(submitted_at, created_at) desc, id desc'))
  })
})

describe('the count', () => {
  it('is exact up to the cap', () => {
    expect(countApplications(database.db, { ...base, scope: 'AA', status: '00' })).toEqual({ count: expected(`office_code = 'AA' and status = '00'`, 'id').length, capped: false })
    expect(countApplications(database.db, { ...base, q: '港通' })).toEqual({ count: expected(`status != 'draft' and company_name like '%港通%'`, 'id').length, capped: false })
  })

  it(`says "more than ${COUNT_CAP}" past it`, () => {
    database.sqlite.transaction(() => {
      for (let i = 0; i <= COUNT_CAP; i++) insert.run(`CA113${String(i + 1).padStart(6, '0')}0`, 'new', 'A0', 'CA', '61611290', '北辰報關股份有限公司', null, '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z')
    })()
    expect(countApplications(database.db, { ...base, scope: 'CA' })).toEqual({ count: COUNT_CAP, capped: true })
  })
})
