import { existsSync } from 'node:fs'
import type { SessionUser } from '../../../core/contracts/auth'
import { FEE_TYPE, type FeeSlip } from '../../../core/contracts/fee-slips'
import { AppError } from '../../../core/errors'
import { addDaysTaipei, taipeiDate } from '../../../core/tw'
import { formatFeeSlipNo } from '../../../core/workflow/fee-slip-number'
import type { Db } from '../../../db/client'
import type { Env } from '../../env'
import { recordAudit, type AuditContext } from '../../lib/audit'
import { getSetting } from '../../lib/settings'
import { officeScope } from '../../lib/sql'
import { applicationNoOf, findSlipByNo, insertFeeSlip, latestSlipOf, nextSlipSequence, setSlipPaid, type FeeSlipRow } from './fee-slips.repo'

export type { FeeSlipRow }

/**
 * Issues the fee slip of an accepted application, inside the caller's transaction: the amount from settings
 * (NT$2,000 by default), issued today and due in 14 calendar days, both Taipei dates.
 */
export function issueFeeSlip(tx: Db, opts: { application: { id: number; officeCode: string; ubn: string; companyName: string }; ctx: AuditContext }): FeeSlipRow {
  const issuedOn = taipeiDate(opts.ctx.now)
  const rocYear = Number(issuedOn.slice(0, 4)) - 1911
  const { application: app } = opts
  const slip = insertFeeSlip(tx, {
    slipNo: formatFeeSlipNo(app.officeCode, rocYear, nextSlipSequence(tx, app.officeCode, rocYear)),
    applicationId: app.id,
    officeCode: app.officeCode,
    payerUbn: app.ubn,
    payerName: app.companyName,
    amount: getSetting(tx, 'fee.amount'),
    issuedOn,
    dueOn: addDaysTaipei(issuedOn, getSetting(tx, 'fee.dueDays')),
    status: 'unpaid',
    createdAt: opts.ctx.now.toISOString(),
  })
  recordAudit(tx, opts.ctx, { action: 'fee_slip.issued', entity: 'fee_slip', entityId: slip.slipNo, after: { applicationId: app.id, amount: slip.amount, dueOn: slip.dueOn } })
  return slip
}

export function feeSlipOf(db: Db, applicationId: number): FeeSlipRow | null {
  return latestSlipOf(db, applicationId)
}

/** A slip the user may see by its number: other offices' slips do not exist for office staff (HQ sees all). */
export function scopedSlip(db: Db, user: SessionUser, slipNo: string): FeeSlipRow | null {
  const slip = findSlipByNo(db, slipNo)
  const scope = officeScope(user.officeCode)
  return slip && (!scope || slip.officeCode === scope) ? slip : null
}

/** The slip as the print view shows it (one certificate per application: 金額 2000 (1件)). */
export function getFeeSlip(opts: { db: Db; user: SessionUser; slipNo: string }): FeeSlip {
  const slip = scopedSlip(opts.db, opts.user, opts.slipNo)
  if (!slip) throw new AppError('NOT_FOUND', { message: { 'zh-TW': `查無繳款單 ${opts.slipNo}`, en: `No fee slip ${opts.slipNo}` } })
  return toFeeSlip(opts.db, slip)
}

/** The print data of an application's current slip, or null; the caller has checked who may see it (the portal). */
export function feeSlipOfApplication(db: Db, applicationId: number): FeeSlip | null {
  const slip = latestSlipOf(db, applicationId)
  return slip && toFeeSlip(db, slip)
}

function toFeeSlip(db: Db, slip: FeeSlipRow): FeeSlip {
  return {
    slipNo: slip.slipNo,
    applicationId: slip.applicationId,
    applicationNo: applicationNoOf(db, slip.applicationId) ?? '',
    officeCode: slip.officeCode,
    payerUbn: slip.payerUbn,
    payerName: slip.payerName,
    feeType: FEE_TYPE,
    amount: slip.amount,
    count: 1,
    issuedOn: slip.issuedOn,
    dueOn: slip.dueOn,
    status: slip.status,
    paidAt: slip.paidAt,
  }
}

/** Marks a slip paid inside the caller's transaction; a slip no longer unpaid at its version is a conflict. */
export function markSlipPaid(tx: Db, slip: FeeSlipRow, paidAt: string): void {
  if (!setSlipPaid(tx, slip.id, slip.version, paidAt)) throw new AppError('VERSION_CONFLICT')
}

/** The slip as a PDF download, the same for the console and the portal; 503 when the CJK font is missing. */
export async function feeSlipPdfDownload(slip: FeeSlip, env: Pick<Env, 'PDF_FONT' | 'PDF_FONT_FAMILY'>): Promise<{ body: Uint8Array<ArrayBuffer>; headers: Record<string, string> }> {
  if (!existsSync(env.PDF_FONT)) {
    throw new AppError('UNAVAILABLE', { message: { 'zh-TW': `找不到 PDF 中文字型（PDF_FONT：${env.PDF_FONT}）`, en: `The CJK font for PDFs is missing (PDF_FONT: ${env.PDF_FONT})` } })
  }
  // pdfkit is loaded on the first slip printed, not at every start of the server
  const { feeSlipPdf } = await import('./fee-slips.pdf')
  const pdf = await feeSlipPdf(slip, { file: env.PDF_FONT, family: env.PDF_FONT_FAMILY })
  return {
    body: new Uint8Array(pdf),
    headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="feeslip-${slip.slipNo}.pdf"`, 'Cache-Control': 'private, no-store' },
  }
}
