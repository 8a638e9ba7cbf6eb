import { createHash } from 'node:crypto'
import type { SessionUser } from '../../../core/contracts/auth'
import { BANK_FILE_MAX_BYTES, bankFileColumns, type ImportOutcome, type ImportReportRow, type PaymentImportResult } from '../../../core/contracts/payments'
import { AppError } from '../../../core/errors'
import type { Language, LocalizedText } from '../../../core/i18n'
import { taipeiDate, toRocDate } from '../../../core/tw'
import { inTransaction, type Db } from '../../../db/client'
import { recordAudit, type AuditContext } from '../../lib/audit'
import { safeFileName } from '../../lib/uploads'
import { scopedApplication } from '../applications/applications.service'
import { CSV_LIMITS, parseCsv } from '../broker-records/broker-records.csv'
import { scopedSlip } from '../fee-slips/fee-slips.service'
import { applyPayment, isUniqueViolation, slipProblem } from './payments.apply'
import { readBankRows, type BankRow, type RowIssue } from './payments.import-rows'
import { findImportBySha, insertBankImport, paymentsByReference, type BankImportRow } from './payments.repo'

const MAX_REPORTED = 500

export function bankFileTooLarge(): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', { params: { limit: `${BANK_FILE_MAX_BYTES / 1024 / 1024} MB` } })
}

const fileProblem = (text: LocalizedText) => new AppError('VALIDATION_FAILED', { fieldErrors: { file: text } })

function rowsFailed(issues: RowIssue[]): AppError {
  const order: readonly string[] = bankFileColumns
  const sorted = [...issues].sort((a, b) => a.line - b.line || order.indexOf(a.column) - order.indexOf(b.column))
  const n = sorted.length
  return new AppError('VALIDATION_FAILED', {
    message: { 'zh-TW': `對帳檔有 ${n} 處格式錯誤，未登錄任何繳費`, en: `The file has ${n} malformed value${n === 1 ? '' : 's'}; no payment was recorded` },
    rows: sorted.slice(0, MAX_REPORTED),
  })
}

type Verdict = { row: BankRow; outcome: ImportOutcome; message: LocalizedText }

/**
 * What each row would do, in file order, against the database and the rows before it. `earlier` set: the file
 * was imported before, so the rows it applied then say so, and nothing is applied now.
 */
function judge(tx: Db, rows: BankRow[], user: SessionUser, earlier: BankImportRow | null): Verdict[] {
  const known = paymentsByReference(tx, rows.map((r) => r.reference))
  const seen = new Map<string, number>()
  const paidHere = new Set<string>()
  return rows.map((row): Verdict => {
    const v = (outcome: ImportOutcome, message: LocalizedText): Verdict => ({ row, outcome, message })
    const firstLine = seen.get(row.reference)
    if (firstLine !== undefined) return v('duplicate', { 'zh-TW': `交易序號與第 ${firstLine} 行重複`, en: `Same reference as line ${firstLine}` })
    seen.set(row.reference, row.line)
    const prior = known.get(row.reference)
    if (prior && earlier && prior.source === 'bank-file' && prior.recordedAt === earlier.importedAt) return v('applied', { 'zh-TW': `已由此檔案於先前匯入時登錄`, en: 'Recorded when this file was imported before' })
    if (prior) return v('duplicate', { 'zh-TW': `此交易序號已登錄過（繳款單 ${prior.slipNo}）`, en: `This reference was recorded before (slip ${prior.slipNo})` })
    const slip = scopedSlip(tx, user, row.slipNo)
    if (!slip) return v('unknown-slip', { 'zh-TW': '查無此繳款單（或不屬於本關）', en: 'No such fee slip (or not of your office)' })
    if (slip.status === 'paid' || paidHere.has(slip.slipNo)) return v('already-paid', { 'zh-TW': '此繳款單已繳費，未重複登錄', en: 'This slip is already paid; not recorded again' })
    const problem = slipProblem(slip, row)
    if (problem) return v(problem.outcome === 'void' || problem.outcome === 'wrong-amount' ? problem.outcome : 'invalid', problem.message)
    const app = scopedApplication(tx, user, slip.applicationId)
    if (app.status !== '10') return v('invalid', { 'zh-TW': `申請案件 ${app.applicationNo} 狀態為 ${app.status}，不在待繳費`, en: `Application ${app.applicationNo} is in status ${app.status}, not awaiting payment` })
    if (earlier) return v('duplicate', { 'zh-TW': '此檔案已匯入過，本次未登錄', en: 'This file was imported before; not recorded now' })
    paidHere.add(slip.slipNo)
    return v('applied', { 'zh-TW': `已登錄，申請案件 ${app.applicationNo} 轉為 20（繳費日 ${toRocDate(row.paidOn)}）`, en: `Recorded; application ${app.applicationNo} is now 20` })
  })
}

function toResult(record: BankImportRow, verdicts: Verdict[], alreadyImported: boolean, lang: Language): PaymentImportResult {
  const report: ImportReportRow[] = verdicts.map((v) => ({ line: v.row.line, slipNo: v.row.slipNo, reference: v.row.reference, outcome: v.outcome, message: v.message[lang] }))
  return { importId: record.id, fileName: record.fileName, sha256: record.sha256, rows: record.rows, applied: record.applied, importedAt: record.importedAt, alreadyImported, report }
}

/**
 * Imports the bank's reconciliation file: a malformed file is refused whole (400 with rows); otherwise every row
 * that settles an unpaid slip is applied, the rest reported, all with the import record in one transaction.
 * The same file twice (by SHA-256) applies nothing and answers with the earlier import.
 */
export async function importPayments(opts: { db: Db; user: SessionUser; file: File; lang: Language; ctx: AuditContext }): Promise<PaymentImportResult> {
  const { db, user, file, lang, ctx } = opts
  if (file.size > BANK_FILE_MAX_BYTES) throw bankFileTooLarge()
  const bytes = new Uint8Array(await file.arrayBuffer())
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes) // drops a leading BOM
  } catch {
    throw fileProblem({ 'zh-TW': '檔案不是 UTF-8 編碼的文字檔（請以 UTF-8 另存 CSV）', en: 'The file is not UTF-8 text (save the CSV as UTF-8)' })
  }
  const csv = parseCsv(text, CSV_LIMITS)
  if (!csv.ok) throw rowsFailed([{ line: csv.line, column: '', message: csv.message }])
  const read = readBankRows(csv.records, taipeiDate(ctx.now))
  if (read.issues.length) throw rowsFailed(read.issues)
  if (!read.rows.length) throw fileProblem({ 'zh-TW': '檔案只有標題列，沒有資料', en: 'The file has a header but no data rows' })

  const repeat = (tx: Db, earlier: BankImportRow) => toResult(earlier, judge(tx, read.rows, user, earlier), true, lang)
  try {
    return inTransaction(db, (tx) => {
      const earlier = findImportBySha(tx, sha256)
      if (earlier) return repeat(tx, earlier)
      const verdicts = judge(tx, read.rows, user, null)
      const applied = verdicts.filter((v) => v.outcome === 'applied')
      for (const { row } of applied) {
        applyPayment(tx, { slip: scopedSlip(tx, user, row.slipNo)!, input: row, reference: row.reference, source: 'bank-file', user, ctx })
      }
      const record = insertBankImport(tx, { fileName: safeFileName(file.name), sha256, rows: read.rows.length, applied: applied.length, importedBy: user.id, importedAt: ctx.now.toISOString() })
      const outcomes: Partial<Record<ImportOutcome, number>> = {}
      for (const v of verdicts) outcomes[v.outcome] = (outcomes[v.outcome] ?? 0) + 1
      recordAudit(tx, ctx, { action: 'payments.imported', entity: 'bank_import', entityId: record.id, after: { fileName: record.fileName, sha256, rows: record.rows, applied: record.applied, outcomes } })
      return toResult(record, verdicts, false, lang)
    })
  } catch (err) {
    if (!isUniqueViolation(err)) throw err
    // the same file, imported by someone else a moment ago
    const earlier = findImportBySha(db, sha256)
    if (!earlier) throw err
    return inTransaction(db, (tx) => repeat(tx, earlier))
  }
}
