import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../db/client'
import { planProblems, queryPlan } from '../../lib/query-plan'
import { reassignmentsCountQuery, reassignmentsQuery, type ReassignmentFilter } from './reassignments.repo'

/**
 * The reassignments, newest first, for every filter: the rowid or (status, id) in order; a broker's or a
 * firm's few requests looked up by their indexes and sorted (decision 0016).
 */
const database = openDatabase(':memory:')
const walk = { reassignments: 'the rowid is the list order: the walk stops after a page (each kind is a large share)' }
const filters: [string, Omit<ReassignmentFilter, 'limit' | 'before'>, string?][] = [
  ['no filter', {}],
  ['a kind', { kind: 'transfer' }],
  ['a status', { status: 'pending' }],
  ['a status and a kind', { status: 'done', kind: 'resignation' }],
  ['a broker', { brokerCode: 'A00001' }, "one broker's requests: a few, sorted"],
  ['a firm left or joined', { ubn: '52111891' }, "one firm's requests: a few, sorted"],
]

describe('the reassignments read newest first from an index', () => {
  for (const [name, f, sorted] of filters) {
    it(`${name}: first and deep page, and the count`, () => {
      for (const before of [undefined, 400]) {
        const plan = queryPlan(database.sqlite, reassignmentsQuery(database.db, { ...f, before }).limit(51))
        expect(planProblems(plan, { ordered: !sorted, scans: walk }), plan.join('\n')).toEqual([])
      }
      const count = queryPlan(database.sqlite, reassignmentsCountQuery(database.db, f))
      expect(planProblems(count, { ordered: false, scans: walk }), count.join('\n')).toEqual([])
    })
  }
})
