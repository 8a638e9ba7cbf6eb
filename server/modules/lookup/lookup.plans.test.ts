import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../db/client'
import { planProblems, plansOf } from '../../lib/query-plan'
import * as repo from './lookup.repo'

/**
 * The lookup's result lists (a firm's or a person's accounts, certificates, applications, fee slips and
 * appointments, 100 of each at most) and its key lookups read indexes only (decision 0016).
 */
const database = openDatabase(':memory:')

/** A broker's fee slips are those of the broker's applications: a few hundred, sorted newest first. */
const sorted = new Set(['fee slips of a broker', 'appointments of a firm', 'appointments of a broker'])

const lists: Record<string, (db: Parameters<Parameters<typeof plansOf>[1]>[0]) => unknown> = {
  'the key lookups': (db) => {
    repo.firmByUbn(db, '52111891')
    repo.brokerByCode(db, 'A00001')
    repo.brokerByNationalId(db, 'A123456789')
    repo.accountById(db, 3)
    repo.accountByAccountId(db, 'someone@example.com')
    repo.accountByIdNumber(db, 'A123456789')
    repo.applicationByNo(db, 'AA1150000427')
    repo.slipByNo(db, 'F11500000012')
    repo.certificateBySerials(db, ['12345', '012345'])
  },
  'accounts of a firm, a person, an id': (db) => [repo.accountsOf(db, { ubn: '52111891' }), repo.accountsOf(db, { idNumber: 'A123456789' }), repo.accountsOf(db, { id: 3 })],
  'certificates of a firm': (db) => repo.certificateRowsOf(db, [1, 2], { ubn: '52111891' }),
  'certificates of a broker': (db) => repo.certificateRowsOf(db, [1], { brokerCode: 'A00001' }),
  'applications of a firm': (db) => repo.applicationsOf(db, { ubn: '52111891' }),
  'applications of a broker': (db) => repo.applicationsOf(db, { brokerCode: 'A00001' }),
  'fee slips of a firm': (db) => repo.feeSlipsOf(db, { ubn: '52111891' }),
  'fee slips of a broker': (db) => repo.feeSlipsOf(db, { brokerCode: 'A00001' }),
  'appointments of a firm': (db) => repo.appointmentsOf(db, { ubn: '52111891' }),
  'appointments of a broker': (db) => repo.appointmentsOf(db, { brokerCode: 'A00001' }),
}

describe('the lookup reads indexes', () => {
  for (const [name, run] of Object.entries(lists)) {
    it(name, () => {
      const plans = plansOf(database.sqlite, run)
      expect(plans.length).toBeGreaterThan(0)
      for (const { sql, plan } of plans) expect(planProblems(plan, { ordered: !sorted.has(name) }), `${sql}\n${plan.join('\n')}`).toEqual([])
    })
  }
})
