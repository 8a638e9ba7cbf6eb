import type { z } from 'zod'
import type { SessionUser } from '../../../core/contracts/auth'
import type { MailDetail, mailListQuery, MailPage } from '../../../core/contracts/mail'
import { AppError } from '../../../core/errors'
import { inTransaction, type Db } from '../../../db/client'
import { recordAudit, type AuditContext } from '../../lib/audit'
import { redactSecrets } from '../../lib/mail/templates'
import { officeScope } from '../../lib/sql'
import { findMail, listMail, requeueFailedMail } from './mail.repo'

function decodeCursor(cursor: string | undefined): number | undefined {
  if (!cursor) return undefined
  const id = Number(cursor)
  if (!Number.isSafeInteger(id) || id <= 0) throw new AppError('VALIDATION_FAILED', { fieldErrors: { cursor: 'cursorInvalid' } })
  return id
}

export function searchMail(opts: { db: Db; actor: SessionUser; query: z.output<typeof mailListQuery> }): MailPage {
  const { query } = opts
  const items = listMail(opts.db, { status: query.status, q: query.q, beforeId: decodeCursor(query.cursor), limit: query.limit + 1, scope: officeScope(opts.actor.officeCode) })
  const more = items.length > query.limit
  const page = more ? items.slice(0, query.limit) : items
  return { items: page, nextCursor: more ? String(page[page.length - 1]!.id) : null }
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
