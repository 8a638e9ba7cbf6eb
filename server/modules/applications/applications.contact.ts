import type { z } from 'zod'
import { contactFields, type contactChangeRequest, type PortalApplication } from '../../../core/contracts/applications-portal'
import type { PortalUser } from '../../../core/contracts/portal'
import { AppError } from '../../../core/errors'
import { openApplicationStatuses } from '../../../core/workflow/application-status'
import { inTransaction, type Db } from '../../../db/client'
import { recordAudit, type AuditContext } from '../../lib/audit'
import { ownApplication } from './applications.portal'
import { toPortalApplication } from './applications.portal-view'
import { findApplication, insertEvent, updateApplicationAt } from './applications.repo'

/** Field names for the timeline note, in Chinese like every other note there. */
const fieldNames: Record<(typeof contactFields)[number], string> = { contactName: '連絡人姓名', contactPhone: '連絡人電話', contactMobile: '連絡人手機', contactEmail: '連絡人 E-MAIL' }

/**
 * 修改 (seed 002, 憑證申請資料修正範圍): the company changes its contact while the application is still open,
 * since every notice about it goes to that e-mail. Nothing else of the application changes. Optimistic: the
 * version read must still be current. The change, its timeline line and its audit row are one transaction.
 */
export function changeContact(opts: { db: Db; user: PortalUser; id: number; input: z.output<typeof contactChangeRequest>; ctx: AuditContext }): PortalApplication {
  const { db, user, input, ctx } = opts
  const row = inTransaction(db, (tx) => {
    const before = ownApplication(tx, user, opts.id)
    if (!(openApplicationStatuses as readonly string[]).includes(before.status)) {
      throw new AppError('CONFLICT', { message: { 'zh-TW': '只有處理中（00、10、20）的申請可以修改連絡人資料', en: 'Only an application still open (00, 10, 20) takes a contact change' } })
    }
    if (before.version !== input.version) throw new AppError('VERSION_CONFLICT')
    const changed = contactFields.filter((f) => before[f] !== input[f])
    if (changed.length === 0) return before
    const at = ctx.now.toISOString()
    const next = Object.fromEntries(contactFields.map((f) => [f, input[f]])) as Pick<typeof before, (typeof contactFields)[number]>
    if (!updateApplicationAt(tx, before.id, input.version, { ...next, updatedAt: at })) throw new AppError('VERSION_CONFLICT')
    insertEvent(tx, { applicationId: before.id, at, actorName: `${user.companyName ?? user.name} (${before.ubn})`, action: 'contactChanged', note: changed.map((f) => fieldNames[f]).join('、') })
    const pick = (r: typeof before) => Object.fromEntries(changed.map((f) => [f, r[f]]))
    recordAudit(tx, ctx, { action: 'application.contact_changed', entity: 'application', entityId: before.applicationNo, before: pick(before), after: pick({ ...before, ...next }) })
    return findApplication(tx, before.id)!
  })
  return toPortalApplication(db, row)
}
