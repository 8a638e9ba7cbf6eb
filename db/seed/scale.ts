import type Database from 'better-sqlite3'
import { seededRandom } from '../../core/seeded-random'
import { formatApplicationNo } from '../../core/workflow/application-number'
import { formatFeeSlipNo } from '../../core/workflow/fee-slip-number'
import { demoBrokers, demoFirms } from './demo-data'


/** What the issue benchmarks: a million certificates and half a million applications. */
export const SCALE_DEFAULT = { certificates: 1_000_000, applications: 500_000 }

const STATUSES = ['A0', 'A0', 'A0', 'A0', 'A0', '00', '10', '20', 'R0', 'A9'] as const
const SERVICES = ['new', 'new', 'new', 'renew', 'renew', 'modify', 'revoke', 'suspend'] as const
const FEE = 2000
const BATCH = 20_000
const DAY_MS = 86_400_000
const YEAR_MS = 365 * DAY_MS

type Status = (typeof STATUSES)[number]

/** A status the state machine can reach for this service: only new and renew pass through 10, 20 and A9. */
function reachable(status: Status, service: string): Status {
  const paid = service === 'new' || service === 'renew'
  return paid || status === '00' || status === 'R0' || status === 'A0' ? status : 'A0'
}

/** The Taipei calendar date of an instant (UTC+8, no daylight saving). */
const taipeiDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10)

/**
 * Adds benchmark rows through prepared statements in large transactions (the query builder would be several
 * times slower here): applications spread over 3.5 years with the dates each status implies, the fee slip every
 * new or renew application past acceptance has (unpaid at 10, paid at 20 and A0, void at A9), and certificates —
 * one for each issued new/renew application, the rest standing alone like migrated ones. Numbers continue each
 * office's sequences; certificate rows carry no DER body.
 */
export function insertScaleData(
  sqlite: Database.Database,
  opts: { certificates: number; applications: number; now: Date; seed?: number },
): { applications: number; certificates: number; feeSlips: number } {
  const rnd = seededRandom(opts.seed ?? 20261122)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!
  const insertApp = sqlite.prepare(`insert into applications (application_no, channel, service, status, office_code, ubn, company_name, phone, contact_name, contact_phone, contact_mobile, contact_email, business_type, kind, box_no, broker_code, broker_national_id, privacy_consent, created_at, updated_at, submitted_at, decided_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, '聯絡人', ?, '0912345678', 'contact@example.com', 'customs-broker', ?, ?, ?, ?, 1, ?, ?, ?, ?) returning id`)
  const insertSlip = sqlite.prepare(`insert into fee_slips (slip_no, application_id, office_code, payer_ubn, payer_name, amount, issued_on, due_on, status, paid_at, created_at)
    values (?, ?, ?, ?, ?, ${FEE}, ?, ?, ?, ?, ?)`)
  const insertCert = sqlite.prepare(`insert into certificates (serial_hex, ca_name, kind, subject_dn, ubn, broker_code, office_code, status, not_before, not_after, application_id, created_at)
    values (?, 'customs', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const appSeq = sequences(sqlite.prepare(`select coalesce(max(cast(substr(application_no, 6, 6) as integer)), 0) as n from applications where office_code = ? and substr(application_no, 3, 3) = ?`))
  const slipSeq = sequences(sqlite.prepare(`select coalesce(max(cast(substr(slip_no, 7, 7) as integer)), 0) as n from fee_slips where office_code = ? and substr(slip_no, 4, 3) = ?`))
  const nowMs = opts.now.getTime()
  const total = Math.max(opts.certificates, opts.applications)
  let feeSlips = 0
  for (let done = 0; done < total; done += BATCH) {
    const size = Math.min(BATCH, total - done)
    sqlite.transaction(() => {
      for (let i = done; i < done + size; i++) {
        const firm = pick(demoFirms)
        const broker = rnd() < 0.6 ? pick(demoBrokers) : null
        const kind = broker ? 'personal' : 'corporate'
        const createdMs = nowMs - Math.floor(rnd() * 3.5 * YEAR_MS)
        const created = new Date(createdMs).toISOString()
        // applications interleave evenly with certificates, so both spread over the same years
        const withApplication = Math.floor(((i + 1) * opts.applications) / total) > Math.floor((i * opts.applications) / total)
        let applicationId: number | null = null
        if (withApplication) {
          const service = pick(SERVICES)
          let status = reachable(pick(STATUSES), service)
          const rocYear = Math.min(999, new Date(createdMs).getUTCFullYear() - 1911)
          const decidedMs = createdMs + Math.floor(rnd() * 10 * DAY_MS)
          const decided = status === '00' || decidedMs > nowMs ? null : new Date(decidedMs).toISOString()
          // a slip is void the day after its 14 days: only a recent acceptance can still be waiting for payment
          if (status === '10' && nowMs - decidedMs > 13 * DAY_MS) status = 'A9'
          // returning, not lastInsertRowid: PostgreSQL has no last rowid (docs/decisions/0017)
          const row = insertApp.get(
            formatApplicationNo(firm.officeCode, rocYear, appSeq(firm.officeCode, rocYear)),
            rnd() < 0.5 ? 'online' : 'paper', service, decided ? status : '00', firm.officeCode, firm.ubn, firm.name, firm.phone, firm.phone,
            kind, firm.boxNo, broker?.code ?? null, broker?.nationalId ?? null, created, decided ?? created, created, decided,
          )
          const id = (row as { id: number }).id
          if (decided && (service === 'new' || service === 'renew') && ['10', '20', 'A0', 'A9'].includes(status)) {
            const issuedOn = taipeiDay(decidedMs)
            const slipYear = Number(issuedOn.slice(0, 4)) - 1911
            const paid = status === '20' || status === 'A0'
            const paidAt = paid ? new Date(decidedMs + Math.floor(rnd() * 13 * DAY_MS)).toISOString() : null
            insertSlip.run(formatFeeSlipNo(firm.officeCode, slipYear, slipSeq(firm.officeCode, slipYear)), id, firm.officeCode, firm.ubn, firm.name, issuedOn, taipeiDay(decidedMs + 14 * DAY_MS), status === 'A9' ? 'void' : paid ? 'paid' : 'unpaid', paidAt, decided)
            feeSlips++
          }
          if (decided && status === 'A0' && (service === 'new' || service === 'renew')) applicationId = id
        }
        if (i < opts.certificates) {
          const serial = (BigInt(nowMs) * 10_000_000n + BigInt(i)).toString(16).padStart(20, '0')
          const certStatus = rnd() < 0.9 ? 'valid' : rnd() < 0.5 ? 'revoked' : 'suspended'
          const dn = `C=TW, O=Finance, OU=${firm.ubn}-RA-001, CN=${firm.ubn}-${broker ? broker.code : '01'}-000`
          insertCert.run(serial, kind, dn, firm.ubn, broker?.code ?? null, firm.officeCode, certStatus, created, new Date(createdMs + 2 * YEAR_MS).toISOString(), applicationId, created)
        }
      }
    })()
  }
  return { applications: opts.applications, certificates: opts.certificates, feeSlips }
}

/** Each office's next number in a ROC year, starting after what the database already holds. */
function sequences(start: Database.Statement): (office: string, rocYear: number) => number {
  const next = new Map<string, number>()
  return (office, rocYear) => {
    const key = office + rocYear
    const n = next.get(key) ?? (start.get(office, String(rocYear).padStart(3, '0')) as { n: number }).n
    next.set(key, n + 1)
    return n + 1
  }
}
