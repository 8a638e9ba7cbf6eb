import { describe, expect, it } from 'vitest'
import { formatCount, totalAfter } from './list-total'

describe('the total a list shows', () => {
  const counted = { count: 1234, capped: false }
  it('is the first page’s count, kept on the pages after it, which do not count again', () => {
    expect(totalAfter(null, { total: counted }, true)).toEqual(counted)
    expect(totalAfter(counted, {}, false)).toEqual(counted)
  })

  it('is none for a first page that did not count (a text search over a log)', () => {
    expect(totalAfter(counted, {}, true)).toBeNull()
  })

  it('writes the count with grouped digits, as 「共 1,234 筆」 and "1,234 in all" do', () => {
    expect(formatCount(1234)).toBe('1,234')
    expect(formatCount(10_000)).toBe('10,000')
    expect(formatCount(7)).toBe('7')
  })
})
