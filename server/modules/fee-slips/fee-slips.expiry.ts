import { and, asc, eq, gt, lt } from 'drizzle-orm'
import { taipeiDate } from '../../../core/tw'
import { inTransaction, type Db } from '../../../db/client'
import { applications, feeSlips } from '../../../db/schema'
import { moveApplication } from '../applications/applications.transitions'
import { recordAudit, type AuditContext } from '../../lib/audit'
import { JOB_BATCH, SUMMARY_ITEMS, yieldToRequests } from '../../lib/batches'
import { queueMail } from '../../lib/mail/outbox'

/**
 * The daily deadline (DOMAIN.md §4): a slip unpaid after its due date (a Taipei date) becomes void and its
 * application is cancelled (10 → A9) with the A9 mail. One transaction per slip, so one bad row never holds
 * the others back; a slip already void or paid is not touched, so running it twice changes nothing. Works in
 * batches and lets requests in between (server/lib/batches.ts); the summary names the first slips and counts all.
 */
export async function voidOverdueSlips(opts: { db: Db; ctx: AuditContext }): Promise<{ count: number; voided: string[] }> {
  const today = taipeiDate(opts.ctx.now)
  const voided: string[] = []
  let count = 0
  for (let after = 0; ; ) {
    const due = opts.db.select({ id: feeSlips.id }).from(feeSlips).where(and(eq(feeSlips.status, 'unpaid'), lt(feeSlips.dueOn, today), gt(feeSlips.id, after))).orderBy(asc(feeSlips.id)).limit(JOB_BATCH).all()
    if (!due.length) break
    for (const { id } of due) {
      const slipNo = voidSlip(opts, id, today)
      if (slipNo && count++ < SUMMARY_ITEMS) voided.push(slipNo)
    }
    after = due[due.length - 1]!.id
    await yieldToRequests()
  }
  return { count, voided }
}

function voidSlip(opts: { db: Db; ctx: AuditContext }, id: number, today: string): string | null {
  return inTransaction(opts.db, (tx) => {
    const slip = tx.select().from(feeSlips).where(eq(feeSlips.id, id)).get()
    if (!slip || slip.status !== 'unpaid' || slip.dueOn >= today) return null
    const app = tx.select().from(applications).where(eq(applications.id, slip.applicationId)).get()!
    tx.update(feeSlips).set({ status: 'void', version: slip.version + 1 }).where(eq(feeSlips.id, id)).run()
    const to = moveApplication(tx, { application: app, action: 'expire', actor: { id: null, name: 'system' }, note: slip.slipNo, now: opts.ctx.now })
    queueMail(tx, { to: app.contactEmail, template: 'application-cancelled', data: { applicationNo: app.applicationNo, companyName: app.companyName, feeSlipNo: slip.slipNo, dueDate: slip.dueOn }, applicationId: app.id, now: opts.ctx.now })
    recordAudit(tx, opts.ctx, { action: 'application.expired', entity: 'application', entityId: app.applicationNo, before: { status: app.status, slip: 'unpaid' }, after: { status: to, slip: 'void', slipNo: slip.slipNo } })
    return slip.slipNo
  })
}
