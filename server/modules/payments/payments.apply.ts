import type { SessionUser } from '../../../core/contracts/auth'
import { paymentChannelNames, type Payment, type PaymentChannel } from '../../../core/contracts/payments'
import type { LocalizedText } from '../../../core/i18n'
import { toRocDate } from '../../../core/tw'
import type { Db } from '../../../db/client'
import { recordAudit, type AuditContext } from '../../lib/audit'
import { queueMail } from '../../lib/mail/outbox'
import { auditSummary, scopedApplication } from '../applications/applications.service'
import { markSlipPaid, type FeeSlipRow } from '../fee-slips/fee-slips.service'
import { insertPayment, paymentById, type PaymentListRow } from './payments.repo'
import { moveApplication } from '../applications/applications.transitions'

export interface PaymentInput {
  amount: number
  paidOn: string
  channel: PaymentChannel
}

export type SlipProblem = { outcome: 'void' | 'wrong-amount' | 'late' | 'early'; message: LocalizedText }

const amountText = (n: number) => n.toLocaleString('en-US')

/**
 * Why a payment cannot settle an unpaid-or-void slip, or null. The payment date decides lateness, not the day it
 * is recorded: money paid by the due date settles the slip even when the bank's file arrives later, as long as
 * the slip has not been voided yet; money paid after the due date never does (docs/operations.md).
 */
export function slipProblem(slip: FeeSlipRow, p: { amount: number; paidOn: string }): SlipProblem | null {
  if (slip.status === 'void') {
    return { outcome: 'void', message: { 'zh-TW': `繳款單 ${slip.slipNo} 已作廢（逾繳款期限 ${toRocDate(slip.dueOn)}），不能繳費`, en: `Fee slip ${slip.slipNo} is void (due ${slip.dueOn}); it cannot be paid` } }
  }
  if (p.amount !== slip.amount) {
    return { outcome: 'wrong-amount', message: { 'zh-TW': `金額不符：本繳款單應繳新臺幣 ${amountText(slip.amount)} 元`, en: `Wrong amount: this slip is for NT$${amountText(slip.amount)}` } }
  }
  if (p.paidOn > slip.dueOn) {
    return {
      outcome: 'late',
      message: { 'zh-TW': `繳費日 ${toRocDate(p.paidOn)} 已逾繳款期限 ${toRocDate(slip.dueOn)}，不能登錄（款項應退還繳款人）`, en: `Paid on ${p.paidOn}, after the due date ${slip.dueOn}: it cannot be recorded (refund the payer)` },
    }
  }
  if (p.paidOn < slip.issuedOn) {
    return { outcome: 'early', message: { 'zh-TW': `繳費日不可早於繳款單開立日 ${toRocDate(slip.issuedOn)}`, en: `The payment date cannot be before the slip was issued (${slip.issuedOn})` } }
  }
  return null
}

export function toPayment(row: PaymentListRow): Payment {
  return { ...row, applicationNo: row.applicationNo ?? '', channel: row.channel as PaymentChannel }
}

/** A unique index said no (payments_fee_slip_uq, payments_reference_uq, bank_imports.sha256), however wrapped. */
export function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE') return true
  }
  return false
}

/**
 * Settles an unpaid slip inside the caller's transaction: the payment row, the slip paid, the application
 * 10 → 20 with its history line, the 20 mail to the contact, and the audit rows. The caller has checked the
 * slip (slipProblem); the application's state is checked here, by the state machine.
 */
export function applyPayment(
  tx: Db,
  opts: { slip: FeeSlipRow; input: PaymentInput; reference: string | null; source: 'clerk' | 'bank-file'; user: SessionUser; ctx: AuditContext },
): Payment {
  const { slip, input, user, ctx } = opts
  const at = ctx.now.toISOString()
  const app = scopedApplication(tx, user, slip.applicationId)
  const note = `繳款單 ${slip.slipNo}，${paymentChannelNames[input.channel]['zh-TW']}，繳費日 ${toRocDate(input.paidOn)}${opts.reference ? `，交易序號 ${opts.reference}` : ''}`
  const to = moveApplication(tx, { application: app, action: 'pay', actor: { id: user.id, name: user.displayName }, note, now: ctx.now })
  const row = insertPayment(tx, { feeSlipId: slip.id, slipNo: slip.slipNo, amount: input.amount, paidOn: input.paidOn, channel: input.channel, reference: opts.reference, source: opts.source, recordedBy: user.id, recordedAt: at })
  markSlipPaid(tx, slip, at)
  queueMail(tx, { to: app.contactEmail, template: 'application-paid', data: { applicationNo: app.applicationNo, companyName: app.companyName, paidAt: input.paidOn }, applicationId: app.id, now: ctx.now })
  recordAudit(tx, ctx, { action: 'payment.recorded', entity: 'fee_slip', entityId: slip.slipNo, before: { status: slip.status }, after: { status: 'paid', paymentId: row.id, amount: input.amount, paidOn: input.paidOn, channel: input.channel, reference: opts.reference, source: opts.source } })
  recordAudit(tx, ctx, { action: 'application.paid', entity: 'application', entityId: app.applicationNo, before: auditSummary(app), after: { ...auditSummary(app), status: to } })
  return toPayment(paymentById(tx, row.id)!)
}
