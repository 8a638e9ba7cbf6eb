import type { LocalizedText } from '../../../core/i18n'
import { taipeiDate } from '../../../core/tw'
import { inTransaction } from '../../../db/client'
import { recordAudit } from '../audit'
import { auditContext, type AppContext } from '../context'
import { rowCells, type ExportColumn } from './columns'
import { CSV_TYPE, csvWriter, XLSX_TYPE, type SheetWriter } from './csv-writer'
import type { ExportOptions } from './export-query'
import { openExportReader, type ExportReader, type RowSource } from './read'

export type ExportList = 'applications' | 'fee-slips' | 'certificates' | 'appointments' | 'audit'
type Outcome = 'finished' | 'cancelled' | 'failed'

/** What a module's export service decides: which rows, which columns; the file is made here. */
export interface ExportJob<Row> {
  list: ExportList
  /** the sheet's name in an XLSX file */
  title: LocalizedText
  columns: readonly ExportColumn<Row>[]
  options: ExportOptions
  /** the list filters as given, for the audit row */
  filters: Record<string, unknown>
  /** opens the rows on the export's own read connection (see openExportReader) */
  open(reader: ExportReader): RowSource<Row>
}

/**
 * Streams an export as the response body. Each pull of the body writes the next chunk from the rows, so the
 * client's pace is the iteration's pace; when the client goes away, the body is cancelled and the statement,
 * the reader and the zip stop at once. One audit row says who exported which list with which filters, and
 * how it ended: the row count when finished, or cancelled.
 */
export function exportResponse<Row>(c: AppContext, job: ExportJob<Row>): Response {
  const { db, clock, log } = c.get('deps')
  const ctx = auditContext(c)
  const lang = c.get('lang')
  const cells = rowCells(job.columns, lang, job.options.rocDates)
  const header = job.columns.map((col) => col.label[lang])
  const format = job.options.format
  let rows = 0
  let opened: { reader: ExportReader; source: RowSource<Row>; writer: SheetWriter } | null = null
  let ended = false

  /**
   * Opened at the first pull, not before: a HEAD request, whose body is dropped unread, opens nothing. exceljs
   * is loaded on the first XLSX export: it alone would add a second to every start of the server.
   */
  async function open() {
    const xlsx = format === 'xlsx' ? await import('./xlsx-writer') : null
    const reader = openExportReader(db)
    try {
      const source = job.open(reader)
      const nextRow = () => {
        const row = source.next()
        if (row === undefined) return undefined
        rows++
        return cells(row)
      }
      return { reader, source, writer: xlsx ? xlsx.xlsxWriter(job.title[lang], header, nextRow) : csvWriter(header, nextRow) }
    } catch (error) {
      reader.close()
      throw error
    }
  }

  function closeAll(o: NonNullable<typeof opened>, outcome: Outcome): void {
    o.source.close()
    o.reader.close()
    if (outcome !== 'finished') o.writer.abort()
  }

  function end(outcome: Outcome): void {
    if (ended) return
    ended = true
    if (opened) closeAll(opened, outcome)
    try {
      const after = { list: job.list, format, columns: job.columns.map((col) => col.key), rocDates: job.options.rocDates, filters: job.filters, rows }
      inTransaction(db, (tx) => recordAudit(tx, { ...ctx, now: clock() }, { action: `export.${outcome}`, entity: 'export', entityId: job.list, after }))
    } catch (error) {
      log.error('export audit failed', { requestId: ctx.requestId, error: String(error) })
    }
  }

  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          if (!opened) {
            const fresh = await open()
            // cancelled while exceljs was loading: nothing may stay open
            if (ended) return closeAll(fresh, 'cancelled')
            opened = fresh
          }
          const chunk = await opened.writer.pull()
          if (ended) return
          if (chunk) controller.enqueue(chunk)
          else {
            end('finished')
            controller.close()
          }
        } catch (error) {
          if (ended) return
          log.error('export failed', { requestId: ctx.requestId, list: job.list, error: error instanceof Error ? (error.stack ?? error.message) : String(error) })
          end('failed')
          controller.error(error)
        }
      },
      cancel: () => end('cancelled'),
    },
    // nothing made ahead of a read: each chunk is written when the client asks for it
    { highWaterMark: 0 },
  )
  const fileName = `${job.list}-${taipeiDate(clock()).replaceAll('-', '')}.${format}`
  return c.body(body, 200, {
    'Content-Type': format === 'xlsx' ? XLSX_TYPE : CSV_TYPE,
    'Content-Disposition': `attachment; filename="${fileName}"`,
    'Cache-Control': 'private, no-store',
  })
}
