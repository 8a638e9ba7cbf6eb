import { z } from 'zod'
import type { LocalizedText } from '../i18n'
import { cursorQuery, searchText, type CursorPage } from './paging'

/** A mail's life: pending until sent; failed after the last attempt (an admin may put it back to pending). */
export const mailStatuses = ['pending', 'sent', 'failed'] as const
export type MailStatus = (typeof mailStatuses)[number]
export const mailStatusSchema = z.enum(mailStatuses, { message: 'invalidOption' })

/** Every kind of mail the product sends; the server renders each from typed data (server/lib/mail/templates). */
export const mailTemplateNames = [
  'application-fee-due',
  'application-paid',
  'application-completed',
  'application-cancelled',
  'application-rejected',
  'certificate-expiry',
  'password-reset',
  'binding-code',
  'broker-resignation',
] as const
export type MailTemplateName = (typeof mailTemplateNames)[number]

export const mailTemplateLabels: Record<MailTemplateName, LocalizedText> = {
  'application-fee-due': { 'zh-TW': '繳費通知（10）', en: 'Fee due (10)' },
  'application-paid': { 'zh-TW': '完成繳費（20）', en: 'Fee paid (20)' },
  'application-completed': { 'zh-TW': '申請完成（A0）', en: 'Completed (A0)' },
  'application-cancelled': { 'zh-TW': '逾期取消（A9）', en: 'Cancelled, unpaid (A9)' },
  'application-rejected': { 'zh-TW': '退件通知（R0）', en: 'Rejected (R0)' },
  'certificate-expiry': { 'zh-TW': '憑證到期通知', en: 'Expiry notice' },
  'password-reset': { 'zh-TW': '密碼重設', en: 'Password reset' },
  'binding-code': { 'zh-TW': '綁定驗證碼', en: 'Binding code' },
  'broker-resignation': { 'zh-TW': '專責報關人員離職', en: 'Broker resignation' },
}

/** The admin outbox list: newest first, keyset-paged; q searches address, subject and application number. */
export const mailListQuery = z.strictObject({
  status: mailStatusSchema.optional(),
  q: searchText,
  ...cursorQuery,
})
export type MailListQuery = z.input<typeof mailListQuery>

export interface MailSummary {
  id: number
  to: string
  subject: string
  template: string
  applicationId: number | null
  status: MailStatus
  attempts: number
  /** when a pending mail is next tried (or, while one is being sent, until when it is claimed) */
  nextAttemptAt: string
  lastError: string | null
  createdAt: string
  sentAt: string | null
}

/** One mail with its body; secrets in it (reset links, binding codes) are masked. */
export interface MailDetail extends MailSummary {
  text: string
}

export type MailPage = CursorPage<MailSummary>
