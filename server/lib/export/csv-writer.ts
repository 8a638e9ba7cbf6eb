import type { Cell } from './columns'

/** Excel opens a CSV as UTF-8 only when it starts with the byte order mark; without it, Big5 mojibake. */
export const BOM = '\uFEFF'

/**
 * Text a spreadsheet would run as a formula (CSV injection, OWASP): = + - @, and tab and carriage return,
 * which some spreadsheets strip before looking. Such a cell gets a leading apostrophe, which Excel shows as
 * text and does not display. Numbers are never formulas and stay as they are.
 */
const FORMULA_START = /^[=+\-@\t\r]/
const NEEDS_QUOTES = /[",\r\n]/

/** One CSV field: RFC 4180 quoting (quotes doubled, the field quoted when it holds a quote, comma or line break). */
export function csvField(cell: Cell): string {
  if (cell === null) return ''
  if (typeof cell === 'number') return String(cell)
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** One record, CRLF-terminated as RFC 4180 has it. */
export const csvLine = (cells: Cell[]): string => `${cells.map(csvField).join(',')}\r\n`

/**
 * Collects lines synchronously and hands them out as one UTF-8 chunk of about CHUNK characters: the stream
 * awaits once per chunk, never once per row.
 */
export class CsvBuffer {
  static readonly CHUNK = 64 * 1024
  private parts: string[] = [BOM]
  private length = BOM.length

  add(cells: Cell[]): void {
    const line = csvLine(cells)
    this.parts.push(line)
    this.length += line.length
  }

  get full(): boolean {
    return this.length >= CsvBuffer.CHUNK
  }

  get empty(): boolean {
    return this.length === 0
  }

  take(): Uint8Array {
    const chunk = Buffer.from(this.parts.join(''), 'utf8')
    this.parts = []
    this.length = 0
    return chunk
  }
}

export const CSV_TYPE = 'text/csv; charset=utf-8'
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** The next chunk of the file, or null once all of it is out; rows are pulled as the chunk needs them. */
export interface SheetWriter {
  pull(): Uint8Array | null | Promise<Uint8Array | null>
  abort(): void
}

/** CSV: entirely synchronous; each pull fills one chunk from the rows, so only the stream's own waits are async. */
export function csvWriter(header: string[], nextRow: () => Cell[] | undefined): SheetWriter {
  const buffer = new CsvBuffer()
  buffer.add(header)
  let done = false
  return {
    pull() {
      while (!done && !buffer.full) {
        const cells = nextRow()
        if (cells) buffer.add(cells)
        else done = true
      }
      return buffer.empty ? null : buffer.take()
    },
    abort() {},
  }
}
