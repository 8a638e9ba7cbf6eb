import { describe, expect, it } from 'vitest'
import { canRetry, mailFiltersFrom, statusTagType } from './mail-view'

describe('outbox view helpers', () => {
  it('takes only valid filters from the address', () => {
    expect(mailFiltersFrom({ status: 'failed', q: '  AA1150000123 ' })).toEqual({ status: 'failed', q: 'AA1150000123' })
    expect(mailFiltersFrom({ status: 'lost', q: '   ' })).toEqual({})
    expect(mailFiltersFrom({ status: ['sent'], q: ['x'] })).toEqual({})
    expect(mailFiltersFrom({ q: 'x'.repeat(150) }).q).toHaveLength(100)
  })

  it('colours each status and offers retry for failed mail only', () => {
    expect([statusTagType('pending'), statusTagType('sent'), statusTagType('failed')]).toEqual(['info', 'success', 'danger'])
    expect([canRetry({ status: 'failed' }), canRetry({ status: 'pending' }), canRetry({ status: 'sent' })]).toEqual([true, false, false])
  })
})
