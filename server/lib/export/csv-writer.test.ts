import { describe, expect, it } from 'vitest'
import { csvField, csvLine, csvWriter } from './csv-writer'
import { instantFormatter, pickColumns } from './columns'

describe('CSV fields', () => {
  it('quotes by RFC 4180 only when a field holds a quote, comma or line break', () => {
    expect(csvField('plain 文字')).toBe('plain 文字')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('two\nlines')).toBe('"two\nlines"')
    expect(csvField('cr\rhere')).toBe('"cr\rhere"')
    expect(csvField(null)).toBe('')
    expect(csvField('')).toBe('')
    expect(csvLine(['a', 1, null])).toBe('a,1,\r\n')
  })

  it('puts an apostrophe before text a spreadsheet would run as a formula, and leaves numbers alone', () => {
    for (const text of ['=1+1', '+886 2 1234', '-2+3', '@SUM(A1)', '\tTAB', '\r=x']) expect(csvField(text).replace(/^"/, '')).toMatch(/^'/)
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    expect(csvField(-5)).toBe('-5')
    expect(csvField('a=b')).toBe('a=b')
  })

  it('starts with the BOM and hands out chunks of about 64 KB, pulling rows only as a chunk needs them', () => {
    let pulled = 0
    const writer = csvWriter(['h'], () => (pulled < 10_000 ? [`row ${pulled++} ${'x'.repeat(20)}`] : undefined))
    const first = writer.pull() as Uint8Array
    expect([...first.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(first.length).toBeGreaterThanOrEqual(64 * 1024)
    expect(first.length).toBeLessThan(66 * 1024)
    expect(pulled).toBeLessThan(2_500)
    let chunks = 1
    while (writer.pull()) chunks++
    expect(pulled).toBe(10_000)
    expect(chunks).toBe(5)
  })
})

describe('columns', () => {
  const columns = [
    { key: 'a', label: { 'zh-TW': '甲', en: 'A' }, value: () => 1 },
    { key: 'b', label: { 'zh-TW': '乙', en: 'B' }, value: () => 2 },
  ]
  it('picks the columns asked for, in that order, once each; all of them when none is named', () => {
    expect(pickColumns(columns, 'b,a,b').map((c) => c.key)).toEqual(['b', 'a'])
    expect(pickColumns(columns, undefined)).toBe(columns)
    expect(() => pickColumns(columns, 'a,zz')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }))
  })

  it('writes instants as Taipei wall time, in ROC years when asked', () => {
    expect(instantFormatter(false)('2026-12-31T16:00:00.000Z')).toBe('2027-01-01 00:00:00')
    expect(instantFormatter(true)('2026-12-31T16:00:00.000Z')).toBe('116/01/01 00:00:00')
  })
})
