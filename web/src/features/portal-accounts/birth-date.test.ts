import { describe, expect, it } from 'vitest'
import { parseBirthDate } from './birth-date'

describe('parseBirthDate', () => {
  it('reads 民國 dates in the ways people write them', () => {
    for (const text of ['75/03/12', '75/3/12', '075/03/12', '75-03-12', '75.3.12', '0750312', '75年3月12日', '民國75年03月12日', '民國 75 年 3 月 12 日', '７５/０３/１２'])
      expect(parseBirthDate(text), text).toBe('1986-03-12')
  })

  it('reads Gregorian dates', () => {
    for (const text of ['1986-03-12', '1986/3/12', '1986.03.12', '19860312', ' 1986-03-12 ']) expect(parseBirthDate(text), text).toBe('1986-03-12')
  })

  it('refuses days that do not exist and text that is not a date', () => {
    for (const text of ['', '75/02/30', '1987-02-29', '1986-13-01', 'abc', '860312', '75/03', '0/01/01']) expect(parseBirthDate(text), text).toBeNull()
  })

  it('knows leap days in both calendars', () => {
    expect(parseBirthDate('73/02/29')).toBe('1984-02-29')
    expect(parseBirthDate('2000-02-29')).toBe('2000-02-29')
  })
})
