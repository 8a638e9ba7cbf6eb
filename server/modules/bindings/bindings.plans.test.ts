import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../db/client'
import { planProblems, queryPlan } from '../../lib/query-plan'
import { bindingsCountQuery, bindingsQuery } from './bindings.repo'

/** The binding requests, newest first, for every filter: the rowid or an index ending in the id (decision 0016). */
const database = openDatabase(':memory:')
const walk = { binding_requests: 'the rowid is the list order: the walk stops after a page' }
const filters = { 'no filter (the clerks)': {}, 'a status': { status: 'submitted' as const }, "the holder's own": { accountRef: 7 }, "the holder's own, a status": { accountRef: 7, status: 'bound' as const } }

describe('the binding requests read newest first from an index', () => {
  for (const [name, f] of Object.entries(filters)) {
    it(`${name}: first and deep page, and the count`, () => {
      for (const beforeId of [undefined, 400]) {
        const plan = queryPlan(database.sqlite, bindingsQuery(database.db, { ...f, beforeId }).limit(51))
        expect(planProblems(plan, { ordered: true, scans: walk }), plan.join('\n')).toEqual([])
      }
      const count = queryPlan(database.sqlite, bindingsCountQuery(database.db, f))
      expect(planProblems(count, { ordered: false, scans: walk }), count.join('\n')).toEqual([])
    })
  }
})
