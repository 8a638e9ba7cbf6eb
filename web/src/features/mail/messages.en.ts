import type zhTW from './messages.zh-TW'
import type { Shape } from '@web/app/i18n/shape'

export default {
  title: 'Outbox',
  detailTitle: 'Mail',
  note: 'Notices wait in the outbox and are sent once SMTP is configured; failed sends are retried with growing pauses, then marked failed.',
  qPlaceholder: 'Recipient, subject or application number',
  status: 'Status',
  statuses: { pending: 'Pending', sent: 'Sent', failed: 'Failed' },
  createdAt: 'Created',
  to: 'To',
  subject: 'Subject',
  template: 'Kind',
  application: 'Application',
  attempts: 'Attempts',
  attemptsCount: '{n} attempt(s)',
  lastError: 'Last error',
  nextAttemptAt: 'Next attempt',
  sentAt: 'Sent',
  body: 'Text',
  retry: 'Send again',
  confirmRetry: 'Queue “{subject}” to {to} for sending again?',
  retried: 'Queued for sending again',
  page: 'Page {page}',
} satisfies Shape<typeof zhTW>
