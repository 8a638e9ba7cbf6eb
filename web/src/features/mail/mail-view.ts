import { mailStatuses, type MailStatus, type MailSummary } from '@core/contracts/mail'

/** The outbox's filters as the page holds them, in the address so a filtered view can be linked to. */
export interface MailFilters {
  status?: MailStatus
  q?: string
}

/** Reads the filters from the route's query, dropping anything the API would refuse. */
export function mailFiltersFrom(query: Record<string, unknown>): MailFilters {
  const out: MailFilters = {}
  const status = query.status
  if (typeof status === 'string' && (mailStatuses as readonly string[]).includes(status)) out.status = status as MailStatus
  const q = typeof query.q === 'string' ? query.q.trim().slice(0, 100) : ''
  if (q) out.q = q
  return out
}

/** Element Plus tag colour of each status. */
export function statusTagType(status: MailStatus): 'info' | 'success' | 'danger' {
  return status === 'sent' ? 'success' : status === 'failed' ? 'danger' : 'info'
}

/** Only a failed mail can be put back in the queue (the server says so too). */
export const canRetry = (mail: Pick<MailSummary, 'status'>): boolean => mail.status === 'failed'
