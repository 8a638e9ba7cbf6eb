import { describe, expect, it } from 'vitest'
import { parseCsv, type CsvResult } from './broker-records.csv'

function records(text: string) {
  const result = parseCsv(text)
  if (!result.ok) throw new Error(`unexpected CSV error on line ${result.line}: ${result.message.en}`)
  return result.records
}
const failure = (text: string) => parseCsv(text) as Extract<CsvResult, { ok: false }>

describe('parseCsv', () => {
  it('splits records on LF, CRLF and CR, with or without a final line break', () => {
    const expected = [
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['c', 'd'] },
    ]
    expect(records('a,b\nc,d')).toEqual(expected)
    expect(records('a,b\nc,d\n')).toEqual(expected)
    expect(records('a,b\r\nc,d\r\n')).toEqual(expected)
    expect(records('a,b\rc,d\r')).toEqual(expected)
  })

  it('reads quoted fields holding commas, doubled quotes and line breaks, and counts file lines', () => {
    const text = 'name,address\r\n"港通, 股份有限公司","基隆市 ""中正"" 路\r\n5 樓"\r\nx,y\r\n'
    expect(records(text)).toEqual([
      { line: 1, fields: ['name', 'address'] },
      { line: 2, fields: ['港通, 股份有限公司', '基隆市 "中正" 路\r\n5 樓'] },
      { line: 4, fields: ['x', 'y'] },
    ])
  })

  it('keeps empty fields, including a trailing one and an empty quoted one at the end of the file', () => {
    expect(records('a,,c,\n,\n""')).toEqual([
      { line: 1, fields: ['a', '', 'c', ''] },
      { line: 2, fields: ['', ''] },
      { line: 3, fields: [''] },
    ])
  })

  it('gives blank lines as one empty field, and an empty text as no records', () => {
    expect(records('a\n\nb\n')).toEqual([
      { line: 1, fields: ['a'] },
      { line: 2, fields: [''] },
      { line: 3, fields: ['b'] },
    ])
    expect(records('')).toEqual([])
  })

  it('names the line of an unclosed quote, text after a closing quote and a stray quote', () => {
    expect(failure('a,b\n"open,c\nd\n')).toMatchObject({ ok: false, line: 2, message: { en: expect.stringContaining('Unclosed quote') } })
    expect(failure('a\n"x"y,z\n')).toMatchObject({ ok: false, line: 2, message: { en: expect.stringContaining('closing quote') } })
    expect(failure('a\nb\nab"c,d\n')).toMatchObject({ ok: false, line: 3, message: { en: expect.stringContaining('unquoted') } })
  })

  it('reads a large file quickly enough for a 5 MB import', () => {
    const row = '52111891,基隆港通報關股份有限公司,許文雄,"基隆市中正區中正路 123 號, 5 樓",02-24201234,AA,K01\n'
    const text = row.repeat(Math.floor((5 * 1024 * 1024) / Buffer.byteLength(row)))
    const started = performance.now()
    const parsed = records(text)
    expect(parsed.length).toBeGreaterThan(40_000)
    expect(parsed.at(-1)!.fields[3]).toBe('基隆市中正區中正路 123 號, 5 樓')
    expect(performance.now() - started).toBeLessThan(3000)
  })
})
