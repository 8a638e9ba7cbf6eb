import { sql } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { COUNT_CAP } from '../../core/contracts/paging'
import { openTestDatabase } from './testing'
import { boundedCount, decodeCursor, decodeIdCursor, encodeCursor, manyRows, pageOf, SEARCH_WINDOW, searchWindow, SORT_LIMIT, windowedPage } from './paging'

describe('cursors', () => {
  it('carry the last row’s sort key and id, and refuse anything else as the field error cursorInvalid', () => {
    expect(decodeCursor(encodeCursor('2026-11-22T01:02:03.000Z', 42))).toEqual({ key: '2026-11-22T01:02:03.000Z', id: 42 })
    expect(decodeCursor(encodeCursor('name', '52111891'), 'string')).toEqual({ key: 'name', id: '52111891' })
    expect(decodeCursor(undefined)).toBeUndefined()
    for (const bad of ['garbage', encodeCursor('x', 'not a number'), Buffer.from('[1,2,3]').toString('base64url'), Buffer.from('{"key":1}').toString('base64url')]) {
      expect(() => decodeCursor(bad)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', options: expect.objectContaining({ fieldErrors: { cursor: 'cursorInvalid' } }) }))
    }
    expect(decodeIdCursor('17')).toBe(17)
    for (const bad of ['0', '-1', '1.5', 'abc', '9'.repeat(30)]) expect(() => decodeIdCursor(bad)).toThrow()
  })

  it('come from the last row of a page, when the extra row says there is a next page', () => {
    expect(pageOf([1, 2, 3], 2, (last) => `after ${last}`)).toEqual({ items: [1, 2], nextCursor: 'after 2' })
    expect(pageOf([1, 2], 2, (last) => `after ${last}`)).toEqual({ items: [1, 2], nextCursor: null })
  })
})

describe('a text search over a log', () => {
  it('examines the SEARCH_WINDOW ids below the cursor, or below the newest, never below the first', () => {
    expect(searchWindow(undefined, { min: 1, max: 250_000 })).toEqual({ fromId: 250_001 - SEARCH_WINDOW, beforeId: 250_001 })
    expect(searchWindow(150_001, { min: 1, max: 250_000 })).toEqual({ fromId: 50_001, beforeId: 150_001 })
    expect(searchWindow(40_000, { min: 1_000, max: 250_000 })).toEqual({ fromId: 1_000, beforeId: 40_000 })
  })

  it('continues below its window when a page comes back short and older rows remain', () => {
    const rows = [{ id: 9 }, { id: 7 }]
    expect(windowedPage(rows, 2, { fromId: 5 }, 1)).toEqual({ items: rows, nextCursor: '5', partial: true })
    expect(windowedPage(rows, 2, { fromId: 1 }, 1)).toEqual({ items: rows, nextCursor: null })
    expect(windowedPage([...rows, { id: 6 }], 2, { fromId: 5 }, 1)).toEqual({ items: rows, nextCursor: '7' })
  })
})

describe('counting', () => {
  const database = openTestDatabase()
  afterAll(() => database.close())
  database.sqlite.exec(`create table numbers (n integer primary key); with recursive c(i) as (select 1 union all select i + 1 from c where i < ${COUNT_CAP + 5}) insert into numbers select i from c`)
  const numbersBelow = (n: number) => database.db.select({ one: sql`1` }).from(sql`numbers`).where(sql`n < ${n}`)

  it('is exact up to the cap, and says "more than the cap" past it', () => {
    expect(boundedCount(database.db, numbersBelow(101))).toEqual({ count: 100, capped: false })
    expect(boundedCount(database.db, numbersBelow(COUNT_CAP + 1))).toEqual({ count: COUNT_CAP, capped: false })
    expect(boundedCount(database.db, numbersBelow(COUNT_CAP + 5))).toEqual({ count: COUNT_CAP, capped: true })
  })

  it('tells many matches (worth walking the order) from few (worth sorting)', () => {
    expect(manyRows(database.db, numbersBelow(SORT_LIMIT))).toBe(false)
    expect(manyRows(database.db, numbersBelow(SORT_LIMIT + 1))).toBe(true)
  })
})
