import type Database from 'better-sqlite3'
import { formatApplicationNo } from '../../core/workflow/application-number'
import { demoBrokers, demoFirms } from './demo-data'

/** A small, fast, seeded generator (mulberry32): the same scale data on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const STATUSES = ['A0', 'A0', 'A0', 'A0', 'A0', '00', '10', '20', 'R0', 'A9'] as const
const SERVICES = ['new', 'new', 'new', 'renew', 'renew', 'modify', 'revoke', 'suspend'] as const
const BATCH = 20_000

/**
 * Adds `count` applications and `count` certificates for benchmarks, through prepared statements in large
 * transactions (the query builder would be several times slower here). Application numbers continue
 * each office's sequence for ROC years 112–115; certificate rows carry no DER body.
 */
export function insertScaleData(sqlite: Database.Database, opts: { count: number; now: Date; seed?: number }): { applications: number; certificates: number } {
  const rnd = random(opts.seed ?? 20261122)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!
  const insertApp = sqlite.prepare(`insert into applications (application_no, channel, service, status, office_code, ubn, company_name, phone, contact_name, contact_phone, contact_mobile, contact_email, business_type, kind, box_no, broker_code, broker_national_id, privacy_consent, created_at, updated_at, decided_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'customs-broker', ?, ?, ?, ?, 1, ?, ?, ?)`)
  const insertCert = sqlite.prepare(`insert into certificates (serial_hex, ca_name, kind, subject_dn, ubn, broker_code, office_code, status, not_before, not_after, application_id, created_at)
    values (?, 'customs', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const seqStart = sqlite.prepare(`select count(*) as n from applications where office_code = ? and substr(application_no, 3, 3) = ?`)
  const next = new Map<string, number>()
  const sequence = (office: string, year: number): number => {
    const key = office + year
    let n = next.get(key)
    if (n === undefined) n = (seqStart.get(office, String(year)) as { n: number }).n
    next.set(key, n + 1)
    return n + 1
  }
  const nowMs = opts.now.getTime()
  const yearMs = 365 * 86_400_000
  let done = 0
  while (done < opts.count) {
    const size = Math.min(BATCH, opts.count - done)
    sqlite.transaction(() => {
      for (let i = 0; i < size; i++) {
        const firm = pick(demoFirms)
        const personal = rnd() < 0.6
        const broker = personal ? pick(demoBrokers) : null
        const created = new Date(nowMs - Math.floor(rnd() * 3.5 * yearMs))
        const rocYear = Math.min(115, Math.max(112, created.getUTCFullYear() - 1911))
        const status = pick(STATUSES)
        const at = created.toISOString()
        const appNo = formatApplicationNo(firm.officeCode, rocYear, sequence(firm.officeCode, rocYear))
        const kind = personal ? 'personal' : 'corporate'
        const app = insertApp.run(appNo, rnd() < 0.5 ? 'online' : 'paper', pick(SERVICES), status, firm.officeCode, firm.ubn, firm.name, firm.phone, '聯絡人', firm.phone, '0912345678', 'contact@example.com', kind, firm.boxNo, broker?.code ?? null, broker?.nationalId ?? null, at, at, status === '00' ? null : at)
        const notAfter = new Date(created.getTime() + 2 * yearMs)
        const serial = (BigInt(nowMs) * 1_000_000n + BigInt(done + i)).toString(16).padStart(20, '0')
        const certStatus = rnd() < 0.9 ? 'valid' : rnd() < 0.5 ? 'revoked' : 'suspended'
        const dn = `C=TW, O=Finance, OU=${firm.ubn}-RA-001, CN=${firm.ubn}-${personal ? broker!.code : '01'}-000`
        insertCert.run(serial, kind, dn, firm.ubn, broker?.code ?? null, firm.officeCode, certStatus, at, notAfter.toISOString(), app.lastInsertRowid, at)
      }
    })()
    done += size
  }
  return { applications: opts.count, certificates: opts.count }
}
