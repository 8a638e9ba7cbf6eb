import { addDaysTaipei, taipeiDate } from '../../../core/tw'
import { formatFeeSlipNo } from '../../../core/workflow/fee-slip-number'
import type { Db } from '../../../db/client'
import { recordAudit, type AuditContext } from '../../lib/audit'
import { getSetting } from '../../lib/settings'
import { insertFeeSlip, latestSlipOf, nextSlipSequence, type FeeSlipRow } from './fee-slips.repo'

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
