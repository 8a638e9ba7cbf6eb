import { Writable } from 'node:stream'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { backlog, xlsxWriter } from './xlsx-writer'

describe('the XLSX writer', () => {
  it('sees the sheet XML that exceljs holds before the zip takes it (the backlog it paces rows by)', () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: new Writable({ write: (_c, _e, done) => done() }), useStyles: false, useSharedStrings: false })
    const sheet = workbook.addWorksheet('s')
    expect(backlog(sheet)).toBeLessThan(100_000)
    for (let i = 0; i < 20_000; i++) sheet.addRow([`row ${i}`, 'some text to make the row longer', i]).commit()
    expect(backlog(sheet)).toBeGreaterThan(1_000_000)
  })

  it('writes a workbook that exceljs reads back, texts as texts and numbers as numbers', async () => {
    const rows: (string | number | null)[][] = [['=1+1', 2, null], ['中文', -3, 'x']]
    const writer = xlsxWriter('表/1', ['A', 'B', 'C'], () => rows.shift())
    const chunks: Uint8Array[] = []
    for (let chunk = await writer.pull(); chunk; chunk = await writer.pull()) chunks.push(chunk)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.concat(chunks) as unknown as ExcelJS.Buffer)
    const sheet = book.worksheets[0]!
    expect(sheet.name).toBe('表 1')
    expect(sheet.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1))).toEqual([['A', 'B', 'C'], ['=1+1', 2], ['中文', -3, 'x']])
    expect(sheet.getCell('A2').type).toBe(ExcelJS.ValueType.String)
  })
})
