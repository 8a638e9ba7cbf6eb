import { describe, expect, it } from 'vitest'
import { columnName, toPgStatement } from './translate'

describe('toPgStatement', () => {
  it('numbers the placeholders in order', () => {
    expect(toPgStatement('select * from "t" where "a" = ? and "b" in (?, ?) limit ?')).toMatchObject({ text: 'select * from "t" where "a" = $1 and "b" in ($2, $3) limit $4', params: 4 })
  })

  it('leaves question marks in strings, quoted identifiers and comments alone', () => {
    const s = toPgStatement(`select '?', 'it''s ?', "col?" -- what?\n, ? /* ? */ from t where x = ?`)
    expect(s.text).toBe(`select '?', 'it''s ?', "col?" -- what?\n, $1 /* ? */ from t where x = $2`)
    expect(s.params).toBe(2)
  })

  it('remembers unquoted mixed-case words, which PostgreSQL folds to lowercase', () => {
    const s = toPgStatement('select slip_no slipNo, "keptCase", status from payments where id = ?')
    expect(columnName(s, 'slipno')).toBe('slipNo')
    expect(columnName(s, 'status')).toBe('status')
    // a quoted identifier keeps its case in PostgreSQL already
    expect(s.caseOf?.has('keptcase')).toBe(false)
  })

  it('has no case map for all-lowercase text', () => {
    expect(toPgStatement('select "a" from "b"').caseOf).toBeNull()
  })

  it("unqualifies an upsert's conflict target, which PostgreSQL's grammar requires", () => {
    const s = toPgStatement('insert into "r" ("key", "n") values (?, ?) on conflict ("r"."key", "r"."n") do update set "n" = "r"."n" + 1')
    expect(s.text).toBe('insert into "r" ("key", "n") values ($1, $2) on conflict ("key", "n") do update set "n" = "r"."n" + 1')
  })

  it("drops SQLite's planner hints: a unary + on a column, and INDEXED BY", () => {
    const s = toPgStatement('select "a" + 1, "b"+"c" from "t" r indexed by t_idx where +"t"."x" = ? and (+"y" = 1 or + ("z")) group by +"t"."x"')
    expect(s.text).toBe('select "a" + 1, "b"+"c" from "t" r  where "t"."x" = $1 and ("y" = 1 or  ("z")) group by "t"."x"')
  })

  it("reads SQLite's LIKE as ILIKE: both ignore ASCII case", () => {
    expect(toPgStatement(`select 1 from t where a like ? escape '\\' and b not LIKE 'like'`).text).toBe(`select 1 from t where a ilike $1 escape '\\' and b not ilike 'like'`)
  })

  it('refuses $n placeholders, which would collide with the numbering', () => {
    expect(() => toPgStatement('select $1')).toThrow(/\? placeholders/)
  })
})
