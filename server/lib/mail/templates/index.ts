import type { MailTemplateName } from '../../../../core/contracts/mail'
import { bindingCodeMail, expiryNoticeMail, passwordResetMail } from './account'
import { cancelledMail, completedMail, feeDueMail, paidMail, rejectedMail } from './application'
import type { RenderedMail } from './letter'
import { resignationMail } from './reassignment'

export * from './account'
export * from './application'
export * from './reassignment'
export type { DateInput, RenderedMail } from './letter'

/** Template name (stored in mail_outbox.template) → pure render function of its typed data. */
export const mailTemplates = {
  'application-fee-due': feeDueMail,
  'application-paid': paidMail,
  'application-completed': completedMail,
  'application-cancelled': cancelledMail,
  'application-rejected': rejectedMail,
  'certificate-expiry': expiryNoticeMail,
  'password-reset': passwordResetMail,
  'binding-code': bindingCodeMail,
  'broker-resignation': resignationMail,
} as const satisfies Record<MailTemplateName, (data: never) => RenderedMail>

export type MailTemplate = keyof typeof mailTemplates
/** The data each template takes, e.g. `MailData['application-fee-due']` is FeeDueMailData. */
export type MailData = { [K in MailTemplate]: Parameters<(typeof mailTemplates)[K]>[0] }

export function renderMail<T extends MailTemplate>(template: T, data: MailData[T]): RenderedMail {
  return (mailTemplates[template] as (d: MailData[T]) => RenderedMail)(data)
}

/**
 * Secrets some bodies carry. They must reach the recipient, but nobody else: admin views mask them, and a
 * sent mail keeps only the masked body.
 */
const secretPatterns: Partial<Record<MailTemplate, RegExp>> = {
  'password-reset': /https?:\/\/\S+/g,
  'binding-code': /(驗證碼：)\S+/g,
}

export const REDACTED = '＊＊＊（已隱藏 hidden）'

/** Masks a template's secrets; a body masked already (a sent mail's kept copy) stays as it is. */
export function redactSecrets(template: string, text: string): string {
  const pattern = secretPatterns[template as MailTemplate]
  if (!pattern) return text
  return text.replace(pattern, (match, label?: string) => (match.endsWith(REDACTED.split(' ')[0]!) ? match : `${typeof label === 'string' ? label : ''}${REDACTED}`))
}
