import { createHash } from 'node:crypto'
import type { SessionUser } from '../../../core/contracts/auth'
import { IMPORT_MAX_BYTES, importColumns, type ImportKind, type ImportResult } from '../../../core/contracts/broker-records'
import { AppError } from '../../../core/errors'
import type { LocalizedText } from '../../../core/i18n'
import { taipeiDate } from '../../../core/tw'
import { inTransaction, type Db } from '../../../db/client'
import { recordAudit, type AuditContext } from '../../lib/audit'
import { officeScope } from '../../lib/sql'
import { safeFileName } from '../../lib/uploads'
import { CSV_LIMITS, parseCsv } from './broker-records.csv'
import { planFirms, planLicences, type ImportPlan, type PlanContext, type Rows } from './broker-records.import-plan'
import { planAppointments, planBrokers } from './broker-records.import-plan-brokers'
import { MAX_ISSUES, readRows, type RowIssue } from './broker-records.import-rows'

/** At most this many problems go back to the browser; the message gives the total. */
const MAX_REPORTED = 500

const planners: { [K in ImportKind]: (db: Db, rows: Rows<K>, ctx: PlanContext) => ImportPlan } = {
  firms: planFirms,
  licences: planLicences,
  brokers: planBrokers,
  appointments: planAppointments,
}

export function importTooLarge(): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', { params: { limit: `${IMPORT_MAX_BYTES / 1024 / 1024} MB` } })
}

const fileProblem = (text: LocalizedText) => new AppError('VALIDATION_FAILED', { fieldErrors: { file: text } })

function rowsFailed(issues: RowIssue[], kind: ImportKind): AppError {
  const order: readonly string[] = importColumns[kind]
  const sorted = [...issues].sort((a, b) => a.line - b.line || order.indexOf(a.column) - order.indexOf(b.column))
  const n = sorted.length
  const shown = n > MAX_REPORTED ? { zh: `（僅列出前 ${MAX_REPORTED} 處）`, en: ` (the first ${MAX_REPORTED} are listed)` } : { zh: '', en: '' }
  // reading stopped at MAX_ISSUES: there may be more
  const atLeast = n >= MAX_ISSUES ? { zh: '至少 ', en: 'at least ' } : { zh: '', en: '' }
  return new AppError('VALIDATION_FAILED', {
    message: { 'zh-TW': `匯入檔有 ${atLeast.zh}${n} 處錯誤${shown.zh}，未匯入任何資料`, en: `The file has ${atLeast.en}${n} problem${n === 1 ? '' : 's'}${shown.en}; nothing was imported` },
    rows: sorted.slice(0, MAX_REPORTED),
  })
}

/**
 * Imports one CSV file of the broker records: every row is checked (formats, checksums, references, unique
 * box and ID numbers, office scope) and then all of them are applied in one transaction with one audit row,
 * or none when any row is wrong. A row whose key exists updates that record. `dryRun` checks and counts only.
 */
export async function importBrokerRecords(opts: { db: Db; actor: SessionUser; kind: ImportKind; file: File; dryRun: boolean; ctx: AuditContext }): Promise<ImportResult> {
  const { db, kind, file, dryRun, ctx } = opts
  if (file.size > IMPORT_MAX_BYTES) throw importTooLarge()
  const bytes = new Uint8Array(await file.arrayBuffer())
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  let text: string
  try {
    // the default ignoreBOM: false drops a leading UTF-8 BOM
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw fileProblem({ 'zh-TW': '檔案不是 UTF-8 編碼的文字檔（請以 UTF-8 另存 CSV）', en: 'The file is not UTF-8 text (save the CSV as UTF-8)' })
  }
  const csv = parseCsv(text, CSV_LIMITS)
  if (!csv.ok) throw rowsFailed([{ line: csv.line, column: '', message: csv.message }], kind)
  const read = readRows(kind, csv.records)
  if (read.issues.some((i) => i.line === 1)) throw rowsFailed(read.issues, kind)
  if (read.dataRows === 0) throw fileProblem({ 'zh-TW': '檔案只有標題列，沒有資料', en: 'The file has a header but no data rows' })

  const planContext: PlanContext = { scope: officeScope(opts.actor.officeCode), today: taipeiDate(ctx.now), now: ctx.now.toISOString() }
  const run = (tx: Db): ImportResult => {
    const plan = (planners[kind] as (db: Db, rows: unknown, ctx: PlanContext) => ImportPlan)(tx, read.rows, planContext)
    const issues = [...read.issues, ...plan.issues]
    if (issues.length > 0) throw rowsFailed(issues, kind)
    const result: ImportResult = {
      kind,
      fileName: safeFileName(file.name),
      sha256,
      bytes: bytes.length,
      rows: read.dataRows,
      inserted: plan.inserted,
      updated: plan.updated,
      unchanged: plan.unchanged,
      dryRun,
    }
    if (dryRun) return result
    plan.apply(tx)
    const { dryRun: _dryRun, ...summary } = result
    recordAudit(tx, ctx, { action: 'broker_records.imported', entity: 'broker_records', entityId: kind, after: summary })
    return result
  }
  // a dry run only reads; a real one checks and writes under one write lock, so nothing changes in between
  return dryRun ? run(db) : inTransaction(db, run)
}
