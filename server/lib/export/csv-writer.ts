import type { Cell } from './columns'

/** Excel opens a CSV as UTF-8 only when it starts with the byte order mark; without it, Big5 mojibake. */
export const BOM = '\uFEFF'

/**
 * Text a spreadsheet would run as a formula (CSV injection, OWASP): = + - @, and tab and carriage return,
 * which some spreadsheets strip before looking. Such a cell gets a leading apostrophe, which Excel shows as
 * text and does not display. Numbers are never formulas and stay as they are.
 */
const startsLikeFormula = (text: string): boolean => {
  const c = text.charCodeAt(0)
  return c === 61 /* = */ || c === 43 /* + */ || c === 45 /* - */ || c === 64 /* @ */ || c === 9 /* tab */ || c === 13 /* CR */
}
const NEEDS_QUOTES = /[",\r\n]/

/** One CSV field: RFC 4180 quoting (quotes doubled, the field quoted when it holds a quote, comma or line break). */
export function csvField(cell: Cell): string {
  if (cell === null) return ''
  if (typeof cell === 'number') return String(cell)
  const text = startsLikeFormula(cell) ? `'${cell}` : cell
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** One record, CRLF-terminated as RFC 4180 has it. */
export function csvLine(cells: Cell[]): string {
  // a loop, not map().join(): this runs once per row of a million-row export
  let line = csvField(cells[0] ?? null)
  for (let i = 1; i < cells.length; i++) line += ',' + csvField(cells[i]!)
  return line + '\r\n'
}

/**
 * Collects lines synchronously and hands them out as one UTF-8 chunk of about CHUNK characters: the stream
 * awaits once per chunk, never once per row.
 */
export class CsvBuffer {
  static readonly CHUNK = 64 * 1024
  private text = BOM

  add(cells: Cell[]): void {
    this.text += csvLine(cells)
  }

  get full(): boolean {
    return this.text.length >= CsvBuffer.CHUNK
  }

  get empty(): boolean {
    return this.text.length === 0
  }

  take(): Uint8Array {
    const chunk = Buffer.from(this.text, 'utf8')
    this.text = ''
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
