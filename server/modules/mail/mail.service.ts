import type { z } from 'zod'
import type { SessionUser } from '../../../core/contracts/auth'
import type { MailDetail, mailListQuery, MailPage } from '../../../core/contracts/mail'
import { AppError } from '../../../core/errors'
import { inTransaction, type Db } from '../../../db/client'
import { recordAudit, type AuditContext } from '../../lib/audit'
import { redactSecrets } from '../../lib/mail/templates'
import { decodeIdCursor, pageOf, searchWindow, windowedPage } from '../../lib/paging'
import { officeScope } from '../../lib/sql'
import { countMail, findMail, listMail, mailIdRange, requeueFailedMail } from './mail.repo'

export function searchMail(opts: { db: Db; actor: SessionUser; query: z.output<typeof mailListQuery> }): MailPage {
  const { db, query } = opts
  const filter = { status: query.status, q: query.q, scope: officeScope(opts.actor.officeCode) }
  const beforeId = decodeIdCursor(query.cursor)
  if (query.q) {
    // a text search cannot use an index: each page examines a window of the outbox, newest first (decision 0016)
    const ids = mailIdRange(db)
    if (!ids) return { items: [], nextCursor: null }
    const window = searchWindow(beforeId, ids)
    return windowedPage(listMail(db, { ...filter, ...window, limit: query.limit + 1 }), query.limit, window, ids.min)
  }
  const page = pageOf(listMail(db, { ...filter, beforeId, limit: query.limit + 1 }), query.limit, (last) => String(last.id))
  return { ...page, ...(query.cursor ? {} : { total: countMail(db, filter) }) }
}

/** A mail the actor may see: other offices' mails (and, for an office admin, mails about no application) do not exist. */
function visibleMail(db: Db, actor: SessionUser, id: number): MailDetail {
  const found = findMail(db, id)
  const scope = officeScope(actor.officeCode)
  if (!found || (scope && found.officeCode !== scope)) throw new AppError('NOT_FOUND')
  const { officeCode: _office, ...mail } = found
  return { ...mail, text: redactSecrets(mail.template, mail.text) }
}

export function getMail(opts: { db: Db; actor: SessionUser; id: number }): MailDetail {
  return visibleMail(opts.db, opts.actor, opts.id)
}

/** Sends a failed mail again: back to pending, due now, attempts counted afresh; the audit row keeps the old error. */
export function retryMail(opts: { db: Db; actor: SessionUser; id: number; ctx: AuditContext }): MailDetail {
  return inTransaction(opts.db, (tx) => {
    const before = visibleMail(tx, opts.actor, opts.id)
    if (before.status !== 'failed' || !requeueFailedMail(tx, opts.id, opts.ctx.now.toISOString())) {
      throw new AppError('CONFLICT', { message: { 'zh-TW': '只有寄送失敗的郵件可以重新寄送', en: 'Only a failed mail can be sent again' } })
    }
    const after = visibleMail(tx, opts.actor, opts.id)
    const summary = (m: MailDetail) => ({ to: m.to, template: m.template, status: m.status, attempts: m.attempts, lastError: m.lastError })
    recordAudit(tx, opts.ctx, { action: 'mail.retried', entity: 'mail', entityId: opts.id, before: summary(before), after: summary(after) })
    return after
  })
}
