import type { z } from 'zod'
import type { SessionUser } from '../../../core/contracts/auth'
import type { PaymentPage, paymentListQuery, RecordPaymentResult, recordPaymentRequest } from '../../../core/contracts/payments'
import { AppError } from '../../../core/errors'
import { taipeiDate } from '../../../core/tw'
import { parseFeeSlipNo } from '../../../core/workflow/fee-slip-number'
import { inTransaction, type Db } from '../../../db/client'
import type { AuditContext } from '../../lib/audit'
import { decodeCursor, encodeCursor, pageOf, SORT_LIMIT } from '../../lib/paging'
import { officeScope } from '../../lib/sql'
import { firmsWithNameContaining } from '../applications/applications.service'
import { scopedSlip } from '../fee-slips/fee-slips.service'
import { applyPayment, isUniqueViolation, slipProblem, toPayment } from './payments.apply'
import { countPayments, listPayments, manyPayments, paymentById, paymentOfSlip } from './payments.repo'

export const slipMessages = {
  checkDigit: { 'zh-TW': '繳款單號碼檢查碼不符，請核對號碼', en: 'The fee slip number’s check digit is wrong; check the number' },
  notFound: { 'zh-TW': '查無此繳款單號碼', en: 'No fee slip has this number' },
  future: { 'zh-TW': '繳費日期不可晚於今天', en: 'The payment date cannot be in the future' },
}

/** The slip already paid: its one payment, answered as "already recorded" (nothing changes). */
function alreadyRecorded(db: Db, feeSlipId: number): RecordPaymentResult {
  const existing = paymentOfSlip(db, feeSlipId)
  if (!existing) throw new AppError('CONFLICT')
  return { payment: toPayment(paymentById(db, existing.id)!), alreadyRecorded: true }
}

/**
 * A clerk records a payment from the bank's receipt. The same payment twice changes nothing: a paid slip answers
 * with its payment and `alreadyRecorded`; two at once are one, by the unique index on the slip.
 */
export function recordPayment(opts: { db: Db; user: SessionUser; input: z.output<typeof recordPaymentRequest>; ctx: AuditContext }): RecordPaymentResult {
  const { db, user, input, ctx } = opts
  if (!parseFeeSlipNo(input.slipNo)) throw new AppError('VALIDATION_FAILED', { fieldErrors: { slipNo: slipMessages.checkDigit } })
  if (input.paidOn > taipeiDate(ctx.now)) throw new AppError('VALIDATION_FAILED', { fieldErrors: { paidOn: slipMessages.future } })
  let feeSlipId: number | null = null
  try {
    return inTransaction(db, (tx) => {
      const slip = scopedSlip(tx, user, input.slipNo)
      if (!slip) throw new AppError('NOT_FOUND', { fieldErrors: { slipNo: slipMessages.notFound } })
      feeSlipId = slip.id
      if (slip.status === 'paid') return alreadyRecorded(tx, slip.id)
      const problem = slipProblem(slip, input)
      if (problem?.outcome === 'wrong-amount') throw new AppError('VALIDATION_FAILED', { fieldErrors: { amount: problem.message } })
      if (problem?.outcome === 'early') throw new AppError('VALIDATION_FAILED', { fieldErrors: { paidOn: problem.message } })
      if (problem) throw new AppError('CONFLICT', { message: problem.message })
      return { payment: applyPayment(tx, { slip, input, reference: null, source: 'clerk', user, ctx }), alreadyRecorded: false }
    })
  } catch (err) {
    // another process recorded it between our read and our write: the index kept it to one payment
    if (feeSlipId !== null && isUniqueViolation(err)) return alreadyRecorded(db, feeSlipId)
    throw err
  }
}

/** More firms than this with a matching name make the search broad: tested on the walk of the payment dates. */
const MAX_PAYER_FIRMS = 32

/** Payments of the user's office (all of them at headquarters), newest payment date first. */
export function searchPayments(opts: { db: Db; user: SessionUser; query: z.output<typeof paymentListQuery> }): PaymentPage {
  const { db, query } = opts
  const filter = {
    scope: officeScope(opts.user.officeCode),
    q: query.q,
    payerUbns: query.q ? firmsWithNameContaining(db, query.q, MAX_PAYER_FIRMS) : undefined,
    from: query.from,
    to: query.to,
  }
  const total = query.cursor ? undefined : countPayments(db, filter)
  // a firm's payments may be tens of thousands: then the walk of the payment dates finds a page sooner than a sort
  const walk = query.q !== undefined && filter.payerUbns !== null && (total ? total.count >= SORT_LIMIT : manyPayments(db, filter))
  const rows = listPayments(db, { ...filter, walk, after: decodeCursor(query.cursor), limit: query.limit + 1 })
  const page = pageOf(rows, query.limit, (last) => encodeCursor(last.paidOn, last.id))
  return { items: page.items.map(toPayment), nextCursor: page.nextCursor, ...(total ? { total } : {}) }
}
