import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../db/client'
import { planProblems, queryPlan, type PlanRules } from '../../lib/query-plan'
import { mailCountQuery, mailQuery, type MailFilter } from './mail.repo'

/**
 * The outbox list, first and deep page, for every filter: newest first from the rowid or (status, id), never
 * sorted (decision 0016). An office admin's mails are found on that walk, each mail's application looked up by
 * its key; a text search tests each row of a window of ids.
 */
const database = openDatabase(':memory:')
const walk = { mail_outbox: 'the rowid is the list order: the walk stops after a page (an office has a large share of the mail)' }

const filters: [string, Omit<MailFilter, 'limit' | 'beforeId'>, PlanRules['scans']?][] = [
  ['no filter', { scope: null }, walk],
  ['a status', { scope: null, status: 'failed' }],
  ['an office admin', { scope: 'AA' }, walk],
  ['an office admin, a status', { scope: 'AA', status: 'pending' }],
  ['a text search, in its window', { scope: null, q: 'AA1150000427', fromId: 1000 }],
  ['a text search of an office admin, in its window', { scope: 'AA', q: 'example.com', fromId: 1000 }],
]

function expectIndexed(query: Parameters<typeof queryPlan>[1], rules: PlanRules) {
  const plan = queryPlan(database.sqlite, query)
  expect(planProblems(plan, rules), plan.join('\n')).toEqual([])
}

describe('the outbox reads newest first from the rowid or an index for every filter', () => {
  for (const [name, f, scans] of filters) {
    it(`${name}: first and deep page, and the count`, () => {
      expectIndexed(mailQuery(database.db, f).limit(51), { ordered: true, scans })
      expectIndexed(mailQuery(database.db, { ...f, beforeId: 4000 }).limit(51), { ordered: true })
      if (!f.q) expectIndexed(mailCountQuery(database.db, f), { ordered: false, scans })
    })
  }
})
