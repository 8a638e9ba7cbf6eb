import nodemailer, { type NodemailerError, type Transporter } from 'nodemailer'
import type { Db } from '../../../db/client'
import type { Logger } from '../logger'
import { claimRow, dueRows, markAttemptFailed, markSent, type OutboxRow } from './mail-store'
import { isMailAddress } from './outbox'
import { onMailQueued } from './queued-signal'
import { redactSecrets } from './templates'

const MINUTE = 60_000

/** Wait before attempt n+1 after n failed attempts: 1, 2, 4, 8 … minutes, at most an hour. */
export function retryDelayMs(failedAttempts: number): number {
  return Math.min(MINUTE * 2 ** Math.max(0, failedAttempts - 1), 60 * MINUTE)
}

export interface MailDispatcherOptions {
  db: Db
  /** `smtp://user:pass@host:587` or `smtps://…` */
  smtpUrl: string
  from: string
  maxAttempts: number
  clock?: () => Date
  log?: Logger
  /** pause between runs of the loop */
  intervalMs?: number
  /** most mails one run sends */
  batchSize?: number
  /** how long a claimed mail stays invisible to other dispatchers; longer than any send can take */
  leaseMs?: number
  /** limit of each SMTP wait (connect, greeting, socket idle) */
  timeoutMs?: number
}

export interface DispatchResult {
  sent: number
  retrying: number
  failed: number
}

export interface MailDispatcher {
  /** Sends what is due now, one mail at a time; safe to run alongside other runs and other processes. */
  runOnce(): Promise<DispatchResult>
  /** Runs runOnce every intervalMs, and at once when this process queues a mail, until stop(). */
  start(): void
  /** Stops the loop, waits for the mail being sent, closes the transport. */
  stop(): Promise<void>
}

/** An error text worth keeping: the SMTP reply when there is one, never the credentials of the URL. */
function describe(err: unknown): string {
  const e = err as NodemailerError
  const text = [e?.code, e?.responseCode, e?.response ?? e?.message ?? String(err)].filter((x) => x !== undefined && x !== '').join(' ')
  return text.replace(/\/\/[^@\s/]*@/g, '//***@').slice(0, 1000)
}

function domainOf(from: string): string {
  return /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'certdesk.local'
}

export function createMailDispatcher(opts: MailDispatcherOptions): MailDispatcher {
  const clock = opts.clock ?? (() => new Date())
  const intervalMs = opts.intervalMs ?? 5000
  const batchSize = opts.batchSize ?? 20
  const leaseMs = opts.leaseMs ?? 5 * MINUTE
  const timeoutMs = opts.timeoutMs ?? 30_000
  const fromDomain = domainOf(opts.from)
  const transport: Transporter = nodemailer.createTransport({ url: opts.smtpUrl, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs })

  /** The next due row this dispatcher wins, with its lease; null when nothing is due. */
  function claimNext(): { row: OutboxRow; lease: string } | null {
    const now = clock()
    const lease = new Date(now.getTime() + leaseMs).toISOString()
    for (const row of dueRows(opts.db, now.toISOString(), 10)) {
      if (claimRow(opts.db, row.id, row.nextAttemptAt, lease)) return { row, lease }
    }
    return null
  }

  async function deliver(row: OutboxRow, lease: string, result: DispatchResult): Promise<void> {
    try {
      if (!isMailAddress(row.toAddress)) throw Object.assign(new Error('invalid recipient address'), { permanent: true })
      await transport.sendMail({
        from: opts.from,
        to: row.toAddress,
        subject: row.subject,
        text: row.bodyText,
        // the same id on every attempt, so a receiver can drop a second delivery after a lost lease
        messageId: `<outbox-${row.id}-${Date.parse(row.createdAt)}@${fromDomain}>`,
      })
      if (!markSent(opts.db, row.id, lease, { nowIso: clock().toISOString(), keptBody: redactSecrets(row.template, row.bodyText) })) {
        opts.log?.warn('mail sent after its lease ran out', { mailId: row.id })
      }
      result.sent++
      opts.log?.info('mail sent', { mailId: row.id, template: row.template })
    } catch (err) {
      const attempts = row.attempts + 1
      const permanent = (err as NodemailerError).permanent === true
      const now = clock()
      const retryAt = permanent || attempts >= opts.maxAttempts ? null : new Date(now.getTime() + retryDelayMs(attempts)).toISOString()
      const error = describe(err)
      markAttemptFailed(opts.db, row.id, lease, { nowIso: now.toISOString(), error, retryAt })
      if (retryAt) result.retrying++
      else result.failed++
      opts.log?.warn(retryAt ? 'mail not sent; will retry' : 'mail failed for good', { mailId: row.id, attempts, error, retryAt })
    }
  }

  async function runOnce(): Promise<DispatchResult> {
    const result: DispatchResult = { sent: 0, retrying: 0, failed: 0 }
    for (let i = 0; i < batchSize; i++) {
      const claimed = claimNext()
      if (!claimed) break
      await deliver(claimed.row, claimed.lease, result)
    }
    return result
  }

  let timer: NodeJS.Timeout | null = null
  let running: Promise<unknown> | null = null
  let stopped = true
  /** a mail was queued during a run, which may have looked before it committed: look again straight after */
  let again = false
  let unsubscribe: (() => void) | null = null

  function schedule(delay: number) {
    timer = setTimeout(() => {
      timer = null
      again = false
      running = runOnce()
        .catch((err) => opts.log?.error('mail dispatcher run failed', { error: describe(err) }))
        .finally(() => {
          running = null
          if (!stopped) schedule(again ? 0 : intervalMs)
        })
    }, delay)
    timer.unref()
  }

  function wake() {
    if (stopped) return
    if (running) again = true
    else {
      if (timer) clearTimeout(timer)
      schedule(0)
    }
  }

  return {
    runOnce,
    start() {
      if (!stopped) return
      stopped = false
      unsubscribe = onMailQueued(wake)
      schedule(0)
    },
    async stop() {
      stopped = true
      unsubscribe?.()
      if (timer) clearTimeout(timer)
      await running
      transport.close()
    },
  }
}
