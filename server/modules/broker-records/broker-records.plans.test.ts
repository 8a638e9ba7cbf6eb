import { describe, expect, it } from 'vitest'
import { brokerSortFields, firmSortFields } from '../../../core/contracts/broker-records'
import { openDatabase } from '../../../db/client'
import { planProblems, queryPlan, type PlanRules } from '../../lib/query-plan'
import { appointmentsCountQuery, appointmentsQuery, brokersCountQuery, brokersQuery, firmsCountQuery, firmsQuery, type AppointmentFilter } from './broker-records.list'

/**
 * The records' lists, every order both ways, first and deep page: each order is an index's. The records are
 * registers (thousands of firms and brokers, a few appointments each): the filters test rows on that walk,
 * and a count or a text search may read a register whole (decision 0016).
 */
const database = openDatabase(':memory:')
const registers = {
  firms: 'the register of firms: thousands of rows',
  brokers: 'the register of brokers: thousands of rows',
  appointments: 'a few appointments per broker: thousands of rows',
}

function expectIndexed(query: Parameters<typeof queryPlan>[1], rules: PlanRules) {
  const plan = queryPlan(database.sqlite, query)
  expect(planProblems(plan, rules), plan.join('\n')).toEqual([])
}

const firmFilters = { 'no filter': {}, 'an office': { officeCode: 'AA' }, 'a business type': { businessType: 'customs-broker' }, 'a licence status': { licenceStatus: 'suspended' }, 'a UBN prefix or part of a name': { q: '5211' } }
const brokerFilters = { 'no filter': {}, 'a qualification': { qualificationStatus: 'disqualified' }, "an office's letter": { officeLetter: 'A' }, 'a code prefix, part of a name or an ID number': { q: 'A00', personId: 'A123456789' } }
const appointmentFilters: Record<string, [Omit<AppointmentFilter, 'limit' | 'after' | 'order'>, string?]> = {
  'no filter': [{}],
  'an office': [{ officeCode: 'AA' }],
  'a status': [{ status: 'active' }],
  'a broker': [{ brokerCode: 'A00001' }, "one broker's appointments: a few, sorted"],
  'a firm': [{ firmUbn: '52111891' }, "one firm's appointments: a few dozen, sorted"],
  'a code or UBN prefix, part of a name': [{ q: '王' }],
}

describe('the records lists read each order from an index', () => {
  for (const [name, f] of Object.entries(firmFilters)) {
    for (const sort of firmSortFields) {
      it(`firms: ${name}, by ${sort}, both ways, first and deep page`, () => {
        for (const order of ['asc', 'desc'] as const) {
          expectIndexed(firmsQuery(database.db, { ...f, sort, order }).limit(51), { ordered: true })
          expectIndexed(firmsQuery(database.db, { ...f, sort, order, after: { value: 'x', key: '52111891' } }).limit(51), { ordered: true })
        }
      })
    }
    it(`firms: ${name}, the count`, () => expectIndexed(firmsCountQuery(database.db, { ...f, sort: 'ubn', order: 'asc' }), { ordered: false, scans: registers }))
  }
  for (const [name, f] of Object.entries(brokerFilters)) {
    for (const sort of brokerSortFields) {
      it(`brokers: ${name}, by ${sort}, both ways, first and deep page`, () => {
        for (const order of ['asc', 'desc'] as const) {
          expectIndexed(brokersQuery(database.db, { ...f, sort, order }).limit(51), { ordered: true })
          expectIndexed(brokersQuery(database.db, { ...f, sort, order, after: { value: 'x', key: 'A00001' } }).limit(51), { ordered: true })
        }
      })
    }
    it(`brokers: ${name}, the count`, () => expectIndexed(brokersCountQuery(database.db, { ...f, sort: 'code', order: 'asc' }), { ordered: false, scans: registers }))
  }
  for (const [name, [f, sorted]] of Object.entries(appointmentFilters)) {
    it(`appointments: ${name}, both ways, first and deep page, and the count`, () => {
      for (const order of ['asc', 'desc'] as const) {
        expectIndexed(appointmentsQuery(database.db, { ...f, order }).limit(51), { ordered: !sorted })
        expectIndexed(appointmentsQuery(database.db, { ...f, order, after: { value: '2025-01-01', key: 5 } }).limit(51), { ordered: !sorted })
      }
      expectIndexed(appointmentsCountQuery(database.db, { ...f, order: 'desc' }), { ordered: false, scans: registers })
    })
  }
})
