import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../db/client'
import { planProblems, queryPlan, type PlanRules } from '../../lib/query-plan'
import { paymentsCountQuery, paymentsQuery, type PaymentFilter } from './payments.repo'

/**
 * The payments list, first and deep page, for every filter: newest payment date first from
 * payments_paid_on_idx, or for a search the rows of the indexes it looks up, sorted (decision 0016).
 */
const database = openDatabase(':memory:')
type Filters = Omit<PaymentFilter, 'limit' | 'after'>

/** Filters, and why a filter's rows are sorted rather than read in order. */
const filters: [string, Filters, string?][] = [
  ['no filter', { scope: null }],
  ['an office', { scope: 'AA' }],
  ['a period', { scope: null, from: '2025-03-01', to: '2025-03-31' }],
  ['an office and a period', { scope: 'AA', from: '2025-03-01', to: '2025-03-31' }],
  ['a slip, application or reference number', { scope: null, q: 'F11500000123', payerUbns: [] }, "a slip's or a reference's one payment, sorted"],
  ['a UBN or part of a name, few firms', { scope: 'AA', q: '港通', payerUbns: ['52111891', '52111892'] }, "the firms' payments, sorted"],
  ['part of a name many firms carry', { scope: null, q: '報關', payerUbns: null }],
  ['a firm with many payments', { scope: null, q: '52111891', payerUbns: [], walk: true }],
]
const after = { key: '2025-03-10', id: 500 }
const scans = {
  application_names: 'one row per (UBN, company name): as many as there are firms',
  fee_slips: "an office's count: its slips are a large share, so the count stops at its cap after a few times the cap",
}

function expectIndexed(query: Parameters<typeof queryPlan>[1], rules: PlanRules) {
  const plan = queryPlan(database.sqlite, query)
  expect(planProblems(plan, rules), plan.join('\n')).toEqual([])
}

describe('the payments list reads an index for every filter', () => {
  for (const [name, f, sorts] of filters) {
    it(`${name}: first and deep page, and the count`, () => {
      expectIndexed(paymentsQuery(database.db, f).limit(51), { ordered: !sorts })
      expectIndexed(paymentsQuery(database.db, { ...f, after }).limit(51), { ordered: !sorts })
      expectIndexed(paymentsCountQuery(database.db, f), { ordered: false, scans })
    })
  }
})
