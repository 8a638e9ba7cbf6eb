import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../db/client'
import { planProblems, queryPlan } from '../../lib/query-plan'
import { loginCardsQuery, signingQuery, type RowFilter } from './registrations.repo'

/**
 * 通關憑證查詢 reads only the rows within the user's rights, each right through an index of its own (decision
 * 0016). One firm's or one person's rows are few, so the list merges and pages them in memory (page numbers).
 */
const database = openDatabase(':memory:')
const rights: Record<string, RowFilter['rights']> = {
  'a company': { ubn: '52111891' },
  'a person who is a broker': { accountRef: 3, idNumber: 'A123456789', brokerCodes: ['A00001'] },
  'a person': { accountRef: 3, idNumber: 'A123456789', brokerCodes: [] },
}
const searches: Record<string, RowFilter['search']> = {
  none: undefined,
  'an account id': { accountId: 'someone@example.com' },
  'a UBN': { ubn: '52111891', accountId: '52111891' },
  'a broker code': { brokerCode: 'A00001', idNumbers: ['A123456789'] },
}

describe('the registrations query reads the rows within the rights through their indexes', () => {
  for (const [who, r] of Object.entries(rights)) {
    for (const [what, search] of Object.entries(searches)) {
      it(`${who}, searching ${what}`, () => {
        for (const query of [signingQuery(database.db, { rights: r, search }), loginCardsQuery(database.db, { rights: r, search })]) {
          const plan = queryPlan(database.sqlite, query)
          expect(planProblems(plan, { ordered: false }), plan.join('\n')).toEqual([])
        }
      })
    }
  }
})
