import { z } from 'zod'
import type { Db } from '../../../db/client'
import { insertOutboxRow } from './mail-store'
import { signalMailQueued } from './queued-signal'
import { renderMail, type MailData, type MailTemplate } from './templates'

const mailAddress = z.email().max(254)

/** A single bare address (no display name, no list): what the dispatcher will hand to SMTP. */
export function isMailAddress(value: string): boolean {
  return mailAddress.safeParse(value).success
}

export interface QueueMailInput<T extends MailTemplate> {
  to: string
  template: T
  data: MailData[T]
  /** the application the mail is about, for the outbox's search and office scoping */
  applicationId?: number | null
  now: Date
}

export interface QueuedMail {
  id: number
  status: 'pending' | 'failed'
}

/**
 * Writes a mail to the outbox inside the caller's transaction, next to the status change and audit row it
 * reports: it is sent only if that transaction commits, and never lost if it does. Synchronous, like every
 * write in a transaction here.
 *
 * An address that is not a single valid e-mail does not roll the caller's change back (a bad contact
 * address from old data must not stop, say, an unpaid application from being cancelled): the mail is kept
 * as `failed` with the reason, for an admin to see in the outbox.
 */
export function queueMail<T extends MailTemplate>(tx: Db, mail: QueueMailInput<T>): QueuedMail {
  const to = (mail.to ?? '').trim()
  const { subject, text } = renderMail(mail.template, mail.data)
  const at = mail.now.toISOString()
  const valid = isMailAddress(to)
  const id = insertOutboxRow(tx, {
    // eslint-disable-next-line no-control-regex
    toAddress: to.replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, 320),
    subject,
    bodyText: text,
    template: mail.template,
    applicationId: mail.applicationId ?? null,
    status: valid ? 'pending' : 'failed',
    attempts: 0,
    nextAttemptAt: at,
    lastError: valid ? null : 'invalid recipient address; not sent (收件人電子郵件格式不正確)',
    createdAt: at,
  })
  if (valid) signalMailQueued()
  return { id, status: valid ? 'pending' : 'failed' }
}
