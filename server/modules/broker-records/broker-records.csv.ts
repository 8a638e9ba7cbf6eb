import type { LocalizedText } from '../../../core/i18n'

/** One record of a CSV file, with the 1-based file line it starts on (a quoted field may span lines). */
export interface CsvRecord {
  line: number
  fields: string[]
}

export type CsvResult = { ok: true; records: CsvRecord[] } | { ok: false; line: number; message: LocalizedText }

const unclosedQuote: LocalizedText = { 'zh-TW': '引號未結束：欄位以 " 開頭但直到檔尾都沒有結束的 "', en: 'Unclosed quote: a field opens with " but never closes' }
const textAfterQuote: LocalizedText = { 'zh-TW': '結束引號後只能接逗號或換行', en: 'Only a comma or a line break may follow a closing quote' }
/**
 * What an import file may hold (the importers pass these): at most seven columns are read, and a 5 MB file of
 * real rows has well under 100,000. Blank lines, which every reader skips, are not kept at all. Without these,
 * 5 MB of commas, of one-character lines or of line breaks took the server 5–25 seconds.
 */
export const CSV_LIMITS = { maxRecords: 100_000, maxFields: 64, skipBlank: true }
const tooManyRecords: LocalizedText = {
  'zh-TW': `資料列過多：一個檔案最多 ${CSV_LIMITS.maxRecords.toLocaleString('en')} 列，請分成數個檔案匯入`,
  en: `Too many rows: a file holds at most ${CSV_LIMITS.maxRecords.toLocaleString('en')}; split it into several files`,
}
const tooManyFields: LocalizedText = { 'zh-TW': `欄位過多：一列最多 ${CSV_LIMITS.maxFields} 欄`, en: `Too many fields: a row holds at most ${CSV_LIMITS.maxFields}` }
const strayQuote: LocalizedText = { 'zh-TW': '未加引號的欄位中不可有 "（含 " 的欄位須整欄以 " 包住，內部的 " 寫成 ""）', en: 'A " inside an unquoted field: quote the whole field and double the inner "' }

/**
 * RFC 4180 CSV: comma-separated, fields optionally in double quotes (which may hold commas, line breaks and
 * doubled quotes), records ending in CRLF, LF or CR, an optional final line break. Strict about quotes,
 * because a stray quote usually means a shifted column, and a shifted column must not be imported quietly.
 * Takes decoded text (the caller strips the BOM).
 */
export function parseCsv(text: string, limits: { maxRecords?: number; maxFields?: number; skipBlank?: boolean } = {}): CsvResult {
  const { maxRecords = Infinity, maxFields = Infinity, skipBlank = false } = limits
  const records: CsvRecord[] = []
  let fields: string[] = []
  let field = ''
  let line = 1
  let recordLine = 1
  let i = 0
  /** true once the current record has begun: a record that is one empty quoted field still counts */
  let open = false
  const n = text.length

  const endRecord = () => {
    fields.push(field)
    field = ''
    open = false
    if (skipBlank && fields.every((f) => f === '')) fields.length = 0
    else {
      records.push({ line: recordLine, fields })
      fields = []
    }
  }
  /** Consumes a line break at i (CRLF, LF or CR); false when there is none. */
  const lineBreak = (): boolean => {
    const ch = text[i]
    if (ch === '\r') i += text[i + 1] === '\n' ? 2 : 1
    else if (ch === '\n') i += 1
    else return false
    line++
    return true
  }

  while (i < n) {
    open = true
    if (text[i] === '"') {
      const openedOn = line
      i++
      for (;;) {
        if (i >= n) return { ok: false, line: openedOn, message: unclosedQuote }
        const ch = text[i]
        if (ch === '"') {
          if (text[i + 1] === '"') {
            field += '"'
            i += 2
            continue
          }
          i++
          break
        }
        if (ch === '\r' || ch === '\n') {
          const start = i
          lineBreak()
          field += text.slice(start, i)
          continue
        }
        field += ch
        i++
      }
      if (i < n && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') return { ok: false, line, message: textAfterQuote }
    } else {
      const start = i
      while (i < n && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') return { ok: false, line, message: strayQuote }
        i++
      }
      field += text.slice(start, i)
    }
    if (i >= n) break
    if (text[i] === ',') {
      if (fields.length + 1 >= maxFields) return { ok: false, line, message: tooManyFields }
      fields.push(field)
      field = ''
      i++
      // a comma at the very end still closes an (empty) last field
      if (i >= n) break
      continue
    }
    lineBreak()
    endRecord()
    if (records.length > maxRecords) return { ok: false, line: recordLine, message: tooManyRecords }
    recordLine = line
  }
  // text after the last line break is one more record; a final line break adds none
  if (open) endRecord()
  if (records.length > maxRecords) return { ok: false, line: records.at(-1)!.line, message: tooManyRecords }
  return { ok: true, records }
}
