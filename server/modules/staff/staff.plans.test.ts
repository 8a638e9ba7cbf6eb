import { describe, expect, it } from 'vitest'
import { staffSortFields, staffListQuery } from '../../../core/contracts/staff'
import { openDatabase } from '../../../db/client'
import { planProblems, plansOf } from '../../lib/query-plan'
import { listStaff } from './staff.repo'

/**
 * The staff list is the one list paged by page number (decision 0016): a registration authority has hundreds of
 * staff, not a million, so it reads the table and sorts it; every role is found through its index.
 */
const database = openDatabase(':memory:')
const small = { staff: 'the staff accounts: hundreds of rows' }

describe('the staff list', () => {
  for (const sort of staffSortFields) {
    it(`by ${sort}, with every filter: the staff table only, each role by its index`, () => {
      const query = staffListQuery.parse({ sort, order: 'desc', q: 'chen', officeCode: 'AA', role: 'clerk', status: 'active', page: 3 })
      const plans = plansOf(database.sqlite, (db) => listStaff(db, { ...query, scope: null }))
      expect(plans.length).toBe(2)
      for (const { sql, plan } of plans) expect(planProblems(plan, { ordered: false, scans: small }), `${sql}\n${plan.join('\n')}`).toEqual([])
    })
  }
})
