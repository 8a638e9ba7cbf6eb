import { Writable } from 'node:stream'
import ExcelJS from 'exceljs'
import type { Cell } from './columns'
import type { SheetWriter } from './csv-writer'

const CHUNK = 64 * 1024
/** Roughly how much sheet XML one batch of rows makes before the writer looks at the zip again. */
const BATCH_CHARS = 64 * 1024
/** Sheet XML written but not yet compressed: past this, rows wait for the zip to catch up. */
const MAX_BACKLOG = 1024 * 1024

/**
 * Where the zip's output lands: chunks wait here for the next pull. A full chunk holds the zip's write until it
 * is taken, which is how a slow client's backpressure reaches archiver and zlib.
 */
class ChunkSink extends Writable {
  private chunks: Buffer[] = []
  size = 0
  private held: (() => void) | null = null
  private wake: (() => void) | null = null

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.chunks.push(chunk)
    this.size += chunk.length
    if (this.size < CHUNK) done()
    else this.held = done
    this.notify()
  }

  take(): Uint8Array {
    const out = Buffer.concat(this.chunks, this.size)
    this.chunks = []
    this.size = 0
    const held = this.held
    this.held = null
    held?.()
    return out
  }

  /** Resolves at the next write into the sink, or when notify() is called. */
  activity(): Promise<void> {
    return new Promise((resolve) => (this.wake = resolve))
  }

  notify(): void {
    const wake = this.wake
    this.wake = null
    wake?.()
  }
}

/**
 * Uncompressed sheet XML waiting inside exceljs and archiver: the sheet's 64 KB buffer, and the PassThrough
 * archiver wraps the sheet stream in, where the XML queues until deflate takes it. exceljs ignores
 * backpressure (its sheet stream's write always returns true), so this is the only place the backlog shows;
 * reached into here, in one function, with a test that fails if it moves. Were a new exceljs to hide it, the
 * answer would be 0 and the export would still stream, only without this bound.
 */
export function backlog(sheet: ExcelJS.Worksheet): number {
  // archiver's PassThrough is readable-stream's, which has the states but not Node's writableLength getters
  type Queue = { _writableState?: { length?: number }; _readableState?: { length?: number } }
  const stream = (sheet as unknown as { stream?: { buffers?: unknown[]; pipes?: Queue[] } }).stream
  const queued = (stream?.pipes ?? []).reduce((sum, q) => sum + (q._writableState?.length ?? 0) + (q._readableState?.length ?? 0), 0)
  return queued + (stream?.buffers?.length ?? 0) * 65_536
}


const tick = () => new Promise<void>((resolve) => setImmediate(resolve))
/** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
const sheetName = (name: string) => name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31)

/**
 * XLSX through exceljs's streaming writer into a sink, never a file: no `filename`, no shared strings and no
 * styles, the two options that make it keep the whole sheet (or a temp file) until the end. Text stays text:
 * exceljs writes a formula only from a { formula } value, so "=1+1" is safe here without an apostrophe.
 */
export function xlsxWriter(name: string, header: string[], nextRow: () => Cell[] | undefined): SheetWriter {
  const sink = new ChunkSink()
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: false, useSharedStrings: false })
  const sheet = workbook.addWorksheet(sheetName(name))
  sheet.addRow(header).commit()
  let state: 'rows' | 'committing' | 'done' = 'rows'
  let failure: unknown = null

  function writeBatch(): void {
    let chars = 0
    while (chars < BATCH_CHARS) {
      const cells = nextRow()
      if (!cells) {
        state = 'committing'
        workbook.commit().then(
          () => void ((state = 'done'), sink.notify()),
          (error: unknown) => void ((failure = error), sink.notify()),
        )
        return
      }
      sheet.addRow(cells).commit()
      for (const cell of cells) chars += typeof cell === 'string' ? cell.length + 32 : 32
    }
  }

  return {
    async pull() {
      for (;;) {
        if (failure) throw failure
        if (sink.size >= CHUNK || (state === 'done' && sink.size > 0)) return sink.take()
        if (state === 'done') return null
        if (state === 'rows') {
          if (backlog(sheet) < MAX_BACKLOG) writeBatch()
          // let zlib and archiver run: the rows just written become output on later turns
          if (state === 'rows') await tick()
          continue
        }
        await sink.activity()
      }
    },
    abort() {
      try {
        ;(workbook as unknown as { zip?: { abort(): void } }).zip?.abort()
      } catch {
        // already ended: nothing left to stop
      }
      sink.destroy()
    },
  }
}
