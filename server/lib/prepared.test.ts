import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/client'
import { preparedOnce, shapeOf } from './prepared'

describe('a filter split into its shape and its values', () => {
  it('puts a placeholder named by its path for each string or number, and keeps the rest', () => {
    const { filter, values } = shapeOf({ scope: null, office: 'AA', limit: 51, after: { key: '2026', id: 7 }, serials: ['a', 'b'], walk: true, sort: 'serial' }, ['sort'])
    expect(filter).toEqual({ scope: null, office: sql.placeholder('office'), limit: sql.placeholder('limit'), after: { key: sql.placeholder('after.key'), id: sql.placeholder('after.id') }, serials: [sql.placeholder('serials.0'), sql.placeholder('serials.1')], walk: true, sort: 'serial' })
    expect(values).toEqual({ office: 'AA', limit: 51, 'after.key': '2026', 'after.id': 7, 'serials.0': 'a', 'serials.1': 'b' })
  })

  it('gives filters the same key when only their values differ, and another when a filter is present or not, a structural field, a flag or an array length differs', () => {
    const key = (f: object) => shapeOf(f, ['sort']).key
    const base = { office: 'AA', sort: 'serial', serials: ['a'], none: undefined as boolean | undefined, after: undefined as object | undefined }
    expect(key({ ...base, office: 'BA', serials: ['b'] })).toBe(key(base))
    for (const other of [{ ...base, office: undefined }, { ...base, sort: 'notAfter' }, { ...base, serials: ['a', 'b'] }, { ...base, none: true }, { ...base, after: { key: 'k', id: 1 } }]) {
      expect(key(other)).not.toBe(key(base))
    }
  })

  it('refuses what is neither a value, an array nor a plain object', () => {
    expect(() => shapeOf({ at: new Date() })).toThrow(/at/)
  })
})

describe('preparedOnce', () => {
  it('builds a shape once per database and hands out the same prepared query after', () => {
    const a = openDatabase(':memory:')
    const b = openDatabase(':memory:')
    let built = 0
    const build = () => (built++, { shape: 'x' })
    const first = preparedOnce(a.db, 'list', 'k', build)
    expect(preparedOnce(a.db, 'list', 'k', build)).toBe(first)
    expect(built).toBe(1)
    preparedOnce(a.db, 'list', 'other', build)
    preparedOnce(b.db, 'list', 'k', build)
    expect(built).toBe(3)
    a.close()
    b.close()
  })
})
