import { describe, expect, it } from 'vitest'
import { firstPage, nextPage } from '../audit/audit-cursor'
import { queueIdentity, queueParamsFrom, queueQuery, sortFromTable } from './queue-params'

describe('the review queue parameters', () => {
  it('reads filters from the address and drops invalid values', () => {
    const params = queueParamsFrom(
      { q: ' 5211 ', status: '00', channel: 'fax', service: 'renew', kind: 'personal', from: '2026-01-01', to: '1/2', overdue: 'true', officeCode: 'CA', sort: 'applicationNo', order: 'desc' },
      { allOffices: true },
    )
    expect(params).toEqual({ q: '5211', status: '00', service: 'renew', kind: 'personal', from: '2026-01-01', overdue: 'true', officeCode: 'CA', sort: 'applicationNo', order: 'desc' })
  })

  it('ignores an office filter for office staff, whom the server limits to their office', () => {
    expect(queueParamsFrom({ officeCode: 'CA' }, { allOffices: false })).toEqual({ sort: 'submittedAt', order: 'asc' })
  })

  it('keeps the default order out of the address', () => {
    expect(queueQuery({ status: 'draft', sort: 'submittedAt', order: 'asc' })).toEqual({ status: 'draft' })
    expect(queueQuery({ sort: 'submittedAt', order: 'desc' })).toEqual({ sort: 'submittedAt', order: 'desc' })
    expect(queueQuery({ sort: 'applicationNo', order: 'asc' })).toEqual({ sort: 'applicationNo', order: 'asc' })
  })

  it('maps the table header sort to the server sort', () => {
    expect(sortFromTable('applicationNo', 'descending')).toEqual({ sort: 'applicationNo', order: 'desc' })
    expect(sortFromTable('submittedAt', null)).toEqual({ sort: 'submittedAt', order: 'asc' })
    expect(sortFromTable('companyName', 'ascending')).toEqual({ sort: 'submittedAt', order: 'asc' })
  })

  it('changes identity when the filters or the order change, so paging starts again', () => {
    const base = queueParamsFrom({}, { allOffices: true })
    expect(queueIdentity(base)).toBe(queueIdentity(queueParamsFrom({ sort: 'submittedAt' }, { allOffices: true })))
    expect(queueIdentity(base)).not.toBe(queueIdentity({ ...base, order: 'desc' }))
    expect(queueIdentity(base)).not.toBe(queueIdentity({ ...base, overdue: 'true' }))
    // the paging itself is the audit list's cursor stack
    expect(nextPage(firstPage(), 'c2')).toEqual({ cursor: 'c2', previous: [undefined] })
  })
})
