import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../db/client'
import { filledQuery, planProblems, queryPlan, type PlanRules } from '../../lib/query-plan'
import { certificatesCountQuery, certificatesQuery, resolveFilter, serialSpellings, shapeFilter, type CertificateFilter } from './certificates.repo'

/**
 * Every filter of the registry, in each order, both directions, first and deep page: SQLite reads index
 * ranges in the list's order, never the table (decision 0016).
 */
const database = openDatabase(':memory:')
// a stored serial, so that the search box's serial arm is a row
database.sqlite
  .prepare(`insert into certificates (serial_hex, ca_name, kind, subject_dn, ubn, office_code, status, not_before, not_after, created_at) values ('00000000000000012345', 'customs', 'corporate', 'CN=x', '52111891', 'AA', 'valid', '2025', '2027', '2025')`)
  .run()

type Filters = Omit<CertificateFilter, 'sort' | 'order' | 'after' | 'limit'>
const hq = { scope: null }
const window = { notAfterFrom: '2026-11-22T00:00:00.000Z', notAfterBefore: '2026-12-22T00:00:00.000Z' }

/** Filters, and for the serial order why it sorts the filter's rows (one firm's, one broker's) instead. */
const filters: [string, Filters, string?][] = [
  ['no filter', hq],
  ['an office clerk', { scope: 'AA' }],
  ['an office chosen at headquarters', { ...hq, officeCode: 'BA' }],
  ['a status', { ...hq, status: 'revoked' }],
  ['an office and a status', { scope: 'AA', status: 'suspended' }],
  ['expiring within 30 days', { ...hq, ...window }],
  ['expiring within 30 days in an office', { scope: 'AA', ...window }],
  ['valid, expiring within 30 days', { ...hq, status: 'valid', ...window }],
  ['a firm', { ...hq, ubn: '52111891' }, "one firm's certificates, sorted"],
  ['a firm, valid', { scope: 'AA', ubn: '52111891', status: 'valid' }, "one firm's certificates, sorted"],
  ['a broker', { ...hq, brokerCode: 'A00001' }, "one broker's certificates, sorted"],
  ['a firm, expiring within 30 days', { ...hq, ubn: '52111891', ...window }, "one firm's certificates, sorted"],
  ['the search box: a serial', { ...hq, anyOf: { serials: serialSpellings('12345') } }],
  ['the search box: a serial or a UBN', { ...hq, anyOf: { serials: serialSpellings('12345'), ubn: '12345' } }, 'the matches of the search, sorted'],
  ['the search box: a UBN, in an office, valid', { scope: 'AA', status: 'valid', anyOf: { serials: serialSpellings('52111891'), ubn: '52111891' } }, 'the matches of the search, sorted'],
  ['the search box: a broker code', { ...hq, anyOf: { brokerCode: 'A00001' } }, 'the matches of the search, sorted'],
  ['the search box: nothing it can be', { ...hq, anyOf: {} }],
]
/** A search box that can be no serial, UBN or broker code is `where 0`: SQLite tests the constant before any row, so neither its scan nor its sort happens. */
const constantFalse = { certificates: 'where 0: no row is read' }
const cursor = { notAfter: { key: '2026-12-01T00:00:00.000Z', id: 500 }, serial: { key: '00000000000000012345', id: 500 } }

function expectIndexed(query: Parameters<typeof queryPlan>[1], rules: PlanRules) {
  const plan = queryPlan(database.sqlite, query)
  expect(planProblems(plan, rules), plan.join('\n')).toEqual([])
}

describe('the registry reads an index in its order for every filter', () => {
  for (const [name, f, sortsBySerial] of filters) {
    for (const sort of ['notAfter', 'serial'] as const) {
      for (const order of ['asc', 'desc'] as const) {
        it(`${name}, by ${sort} ${order}, first and deep page`, () => {
          const nothing = f.anyOf && !Object.keys(f.anyOf).length
          const rules = nothing ? { ordered: false, scans: constantFalse } : { ordered: sort === 'notAfter' || !sortsBySerial }
          expectIndexed(certificatesQuery(database.db, { ...f, sort, order }).limit(51), rules)
          expectIndexed(certificatesQuery(database.db, { ...f, sort, order, after: cursor[sort] }).limit(51), rules)
        })
      }
    }
    it(`${name}: the count reads an index`, () => expectIndexed(certificatesCountQuery(database.db, { ...f, sort: 'notAfter', order: 'asc' }), { ordered: false }))
  }
})

describe('a prepared query is the query built from the values (lib/prepared.ts)', () => {
  for (const [name, f] of [...filters, ['an office outside the user\'s', { scope: 'AA', officeCode: 'BA' }] as const]) {
    for (const sort of ['notAfter', 'serial'] as const) {
      for (const order of ['asc', 'desc'] as const) {
        it(`${name}, by ${sort} ${order}, first and deep page, and the count`, () => {
          for (const after of [undefined, cursor[sort]]) {
            const full = { ...f, sort, order, after, limit: 51 }
            const { filter, values } = shapeFilter(database.db, full)
            expect(filledQuery(certificatesQuery(database.db, filter).limit(filter.limit), values)).toEqual(certificatesQuery(database.db, resolveFilter(database.db, full)).limit(51).toSQL())
          }
          const { filter, values } = shapeFilter(database.db, { ...f, sort, order })
          expect(filledQuery(certificatesCountQuery(database.db, filter), values)).toEqual(certificatesCountQuery(database.db, resolveFilter(database.db, { ...f, sort, order })).toSQL())
        })
      }
    }
  }
})
