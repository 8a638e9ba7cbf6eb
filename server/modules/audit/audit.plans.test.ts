import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../db/client'
import { filledQuery, planProblems, queryPlan, type PlanRules } from '../../lib/query-plan'
import { auditCountQuery, auditListSelect, auditQuery, periodIdsQuery, shapeFilter, type AuditFilter } from './audit.repo'

/**
 * Every filter of the audit trail, first and deep page: SQLite reads the rowid or an index ending in it, newest
 * first, never the whole log in another order (decision 0016). A text search is the exception by design: it
 * tests each row of a window of ids (at most SEARCH_WINDOW), newest first.
 */
const database = openDatabase(':memory:')
type Filters = Omit<AuditFilter, 'limit' | 'beforeId'>
const period = { fromAt: '2025-02-28T16:00:00.000Z', toAt: '2025-03-31T16:00:00.000Z', periodIds: { min: 1000, max: 5000 } }
const walk = { audit_log: 'the rowid is the list order: the walk stops after a page' }

const filters: [string, Filters, PlanRules['scans']?][] = [
  ['no filter', { scope: null }, walk],
  ['an office', { scope: 'AA' }],
  ['an office chosen at headquarters', { scope: null, officeCode: 'BA' }],
  ['an action', { scope: null, action: 'application.submitted' }],
  ['an entity', { scope: null, entity: 'certificate' }],
  ['an entity id', { scope: null, entityId: 'AA1150000427' }],
  ['an entity and its id', { scope: 'AA', entity: 'application', entityId: 'AA1150000427' }],
  ['an actor', { scope: null, actor: '陳小華' }],
  ['a period', { scope: null, ...period }],
  ['an office and a period', { scope: 'AA', ...period }],
  ['an action in a period', { scope: null, action: 'application.submitted', ...period }],
  ['a text search, in its window', { scope: null, q: 'AA115', fromId: 1000 }],
  ['a text search in an office, in its window', { scope: 'AA', q: 'AA115', fromId: 1000 }],
]

function expectIndexed(query: Parameters<typeof queryPlan>[1], rules: PlanRules) {
  const plan = queryPlan(database.sqlite, query)
  expect(planProblems(plan, rules), plan.join('\n')).toEqual([])
}

describe('the audit trail reads newest first from an index for every filter', () => {
  for (const [name, f, scans] of filters) {
    it(`${name}: first and deep page, and the count`, () => {
      expectIndexed(auditListSelect(database.db, f).limit(51), { ordered: true, scans })
      expectIndexed(auditListSelect(database.db, { ...f, beforeId: 4000 }).limit(51), { ordered: true })
      // the export reads the same rows with every column
      expectIndexed(auditQuery(database.db, f), { ordered: true, scans })
      if (!f.q) expectIndexed(auditCountQuery(database.db, f), { ordered: false, scans })
    })
  }

  it("reads a period's first and last ids from the date index alone", () => {
    expect(queryPlan(database.sqlite, periodIdsQuery(database.db, period))).toEqual(['SEARCH audit_log USING COVERING INDEX audit_at_idx (at>? AND at<?)'])
  })
})

describe('a prepared query is the query built from the values (lib/prepared.ts)', () => {
  // a text search is built per request (its window's scan is its cost)
  for (const [name, f] of filters.filter(([, f]) => !f.q)) {
    it(`${name}, first and deep page, and the count`, () => {
      for (const beforeId of [undefined, 5000]) {
        const { filter, values } = shapeFilter(database.db, { ...f, beforeId, limit: 51 })
        expect(filledQuery(auditListSelect(database.db, filter).limit(filter.limit), values)).toEqual(auditListSelect(database.db, { ...f, beforeId }).limit(51).toSQL())
      }
      const { filter, values } = shapeFilter(database.db, f)
      expect(filledQuery(auditCountQuery(database.db, filter), values)).toEqual(auditCountQuery(database.db, f).toSQL())
    })
  }
})
