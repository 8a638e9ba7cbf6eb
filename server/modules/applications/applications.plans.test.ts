import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../db/client'
import { applicationNames } from '../../../db/schema'
import { filledQuery, planProblems, queryPlan, type PlanRules } from '../../lib/query-plan'
import { applicationsCountQuery, applicationsQuery, preparable, shapeFilter, type ApplicationFilter } from './applications.list'

/**
 * Every filter of the queue and the portal's list, in each order, both directions, first page and deep page:
 * SQLite reads an index range in the list's order, never the table (decision 0016).
 */
const database = openDatabase(':memory:')
// Two firms whose names contain 港通 (a search of a few firms) and 40 with 報關 (a broad one).
database.db
  .insert(applicationNames)
  .values([
    { ubn: '52111891', companyName: '基隆港通報關股份有限公司' },
    { ubn: '52111892', companyName: '港通物流有限公司' },
    ...Array.from({ length: 40 }, (_, i) => ({ ubn: String(60000000 + i), companyName: `第${i}報關有限公司` })),
  ])
  .run()

type Filters = Omit<ApplicationFilter, 'sort' | 'order' | 'after' | 'limit'>
const hq = { scope: null }
const period = { submittedFrom: '2025-02-28T16:00:00.000Z', submittedBefore: '2025-03-31T16:00:00.000Z' }
const overdue = { overdueBefore: { AA: '2025-03-01T00:00:00.000Z', BA: '2025-03-02T00:00:00.000Z', CA: '2025-03-01T00:00:00.000Z', DA: '2025-03-03T00:00:00.000Z' } }

/**
 * Filters; for the number order, why it sorts the filter's rows rather than reading them in order; for the
 * count, why a scan of the table stops soon.
 */
const consoleFilters: [string, Filters, { sortsByNumber?: string; countScans?: string }?][] = [
  ['no filter', hq],
  ['an office clerk', { scope: 'AA' }],
  ['an office chosen at headquarters', { ...hq, officeCode: 'BA' }],
  ['a status', { ...hq, status: '00' }],
  ['an office and a status', { scope: 'AA', status: '00' }],
  ['drafts', { scope: 'AA', status: 'draft' }],
  ['a channel', { ...hq, channel: 'online' }, { countScans: 'each of the two channels is a large share of the rows: the count reaches its cap after twice the cap' }],
  ['a kind', { scope: 'AA', kind: 'personal' }],
  ['a service', { ...hq, service: 'revoke' }],
  ['an office and a service', { scope: 'AA', service: 'revoke' }],
  ['a period', { ...hq, ...period }, { sortsByNumber: 'a period: its rows, sorted' }],
  ['an office and a period', { scope: 'AA', ...period }, { sortsByNumber: 'a period: its rows, sorted' }],
  ['overdue', { ...hq, ...overdue }, { sortsByNumber: 'overdue: waiting applications only, sorted' }],
  ['overdue in an office', { scope: 'AA', ...overdue }, { sortsByNumber: 'overdue: waiting applications only, sorted' }],
  ['a search of a few firms', { ...hq, q: '港通' }, { sortsByNumber: 'a search: the matching firms, numbers and brokers, sorted' }],
  ['a search of a few firms in an office, with a status', { scope: 'AA', status: '00', q: '港通' }, { sortsByNumber: 'a search: its matches, sorted' }],
  ['a broad search', { ...hq, q: '報關' }],
  ['a number or UBN', { ...hq, q: 'AA1150000427' }, { sortsByNumber: 'a search: its matches, sorted' }],
]
const portalFilters: [string, Filters][] = [
  ['one company', { ...hq, ubn: '52111891' }],
  ['one company, a status', { ...hq, ubn: '52111891', status: '10' }],
  ['one company, a service', { ...hq, ubn: '52111891', service: 'renew' }],
  ['one company, a period', { ...hq, ubn: '52111891', ...period }],
]

/** A broad name search reads the names from application_names as it goes. */
const names = { application_names: 'one row per (UBN, company name): as many as there are firms, not applications' }

const cursor = { submittedAt: { key: '2025-03-10T02:00:00.000Z', id: 500 }, applicationNo: { key: 'AA1140000123', id: 500 } }

function expectIndexed(query: Parameters<typeof queryPlan>[1], rules: PlanRules) {
  const plan = queryPlan(database.sqlite, query)
  expect(planProblems(plan, rules), plan.join('\n')).toEqual([])
}

describe('the queue reads an index in its order for every filter', () => {
  for (const [name, f, why = {}] of consoleFilters) {
    for (const sort of ['submittedAt', 'applicationNo'] as const) {
      for (const order of ['asc', 'desc'] as const) {
        it(`${name}, by ${sort} ${order}, first and deep page`, () => {
          const rules = { ordered: sort === 'submittedAt' || !why.sortsByNumber, scans: names }
          expectIndexed(applicationsQuery(database.db, { ...f, sort, order }).limit(51), rules)
          expectIndexed(applicationsQuery(database.db, { ...f, sort, order, after: cursor[sort] }).limit(51), rules)
        })
      }
    }
    it(`${name}: the count reads an index`, () =>
      expectIndexed(applicationsCountQuery(database.db, { ...f, sort: 'submittedAt', order: 'asc' }), { ordered: false, scans: { ...names, ...(why.countScans ? { applications: why.countScans } : {}) } }))
  }
})

describe("the portal's list reads the company's range of an index, newest first", () => {
  for (const [name, f] of portalFilters) {
    it(`${name}, first and deep page, and the count`, () => {
      expectIndexed(applicationsQuery(database.db, { ...f, sort: 'submittedAt', order: 'desc' }).limit(51), { ordered: true })
      expectIndexed(applicationsQuery(database.db, { ...f, sort: 'submittedAt', order: 'desc', after: cursor.submittedAt }).limit(51), { ordered: true })
      expectIndexed(applicationsCountQuery(database.db, { ...f, sort: 'submittedAt', order: 'desc' }), { ordered: false })
    })
  }
})

describe('a prepared query is the query built from the values (lib/prepared.ts)', () => {
  const more: [string, Filters][] = [['an office clerk choosing their office', { scope: 'AA', officeCode: 'AA' }], ["an office outside the clerk's", { scope: 'AA', officeCode: 'BA' }]]
  for (const [name, f] of [...consoleFilters, ...portalFilters, ...more].filter(([, f]) => preparable({ ...f, sort: 'submittedAt', order: 'asc' }))) {
    it(`${name}, both directions, first and deep page, and the count`, () => {
      for (const order of ['asc', 'desc'] as const) {
        for (const after of [undefined, cursor.submittedAt]) {
          const full = { ...f, sort: 'submittedAt' as const, order, after, limit: 51 }
          const { filter, values } = shapeFilter(full)
          expect(filledQuery(applicationsQuery(database.db, filter).limit(filter.limit), values)).toEqual(applicationsQuery(database.db, full).limit(51).toSQL())
        }
        const { filter, values } = shapeFilter({ ...f, sort: 'submittedAt' as const, order })
        expect(filledQuery(applicationsCountQuery(database.db, filter), values)).toEqual(applicationsCountQuery(database.db, { ...f, sort: 'submittedAt', order }).toSQL())
      }
    })
  }
})
