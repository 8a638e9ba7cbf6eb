import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../db/client'
import { planProblems, queryPlan } from '../../lib/query-plan'
import { accountsMatchingQuery, emailChangesCountQuery, emailChangesQuery } from './helpdesk.repo'

/** The helpdesk's account search and e-mail change list read indexes, never the accounts table (decision 0016). */
const database = openDatabase(':memory:')
const walk = { email_changes: 'the rowid is the list order: the walk stops after a page' }

describe('the helpdesk reads indexes', () => {
  it('finds accounts by account id prefix, ID number, UBN or e-mail through their indexes', () => {
    for (const q of ['52111891', 'a123456789', 'someone@example.com', 'a']) {
      const plan = queryPlan(database.sqlite, accountsMatchingQuery(database.db, q))
      // the matches (an account id prefix may match many) are sorted to give the first 50 by account id
      expect(planProblems(plan, { ordered: false }), plan.join('\n')).toEqual([])
    }
  })

  it('lists e-mail changes newest first, by status or all, first and deep page, and counts them', () => {
    for (const status of [undefined, 'pending', 'approved'] as const) {
      for (const beforeId of [undefined, 40]) {
        const plan = queryPlan(database.sqlite, emailChangesQuery(database.db, { status, beforeId }).limit(51))
        expect(planProblems(plan, { ordered: true, scans: walk }), plan.join('\n')).toEqual([])
      }
      const count = queryPlan(database.sqlite, emailChangesCountQuery(database.db, { status }))
      expect(planProblems(count, { ordered: false, scans: walk }), count.join('\n')).toEqual([])
    }
  })
})
