import { describe, expect, it } from 'vitest'
import { firstPage, hasPrevious, nextPage, pageNumber, previousPage } from './audit-cursor'

describe('audit keyset paging', () => {
  it('walks forward with nextCursor and back through the remembered cursors', () => {
    let state = firstPage()
    expect(pageNumber(state)).toBe(1)
    expect(hasPrevious(state)).toBe(false)
    state = nextPage(state, 'c2')
    state = nextPage(state, 'c3')
    expect(state).toEqual({ cursor: 'c3', previous: [undefined, 'c2'] })
    expect(pageNumber(state)).toBe(3)
    state = previousPage(state)
    expect(state).toEqual({ cursor: 'c2', previous: [undefined] })
    state = previousPage(state)
    expect(state).toEqual(firstPage())
    expect(previousPage(state)).toBe(state)
  })

  it('stays on the last page when there is no next cursor', () => {
    const state = nextPage(firstPage(), 'c2')
    expect(nextPage(state, null)).toBe(state)
  })
})
