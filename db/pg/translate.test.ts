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

  it('refuses $n placeholders, which would collide with the numbering', () => {
    expect(() => toPgStatement('select $1')).toThrow(/\? placeholders/)
  })
})
