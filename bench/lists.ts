import type Database from 'better-sqlite3'
import type { SessionUser } from '../core/contracts/auth'
import type { PortalUser } from '../core/contracts/portal'
import { applicationListQuery } from '../core/contracts/applications'
import { portalApplicationListQuery } from '../core/contracts/applications-portal'
import { auditListQuery } from '../core/contracts/audit'
import { certificateListQuery } from '../core/contracts/certificates'
import { mailListQuery } from '../core/contracts/mail'
import { paymentListQuery } from '../core/contracts/payments'
import { openDatabase, type Db } from '../db/client'
import { searchApplications } from '../server/modules/applications/applications.service'
import { listOwnApplications } from '../server/modules/applications/applications.portal'
import { searchAudit } from '../server/modules/audit/audit.service'
import { searchCertificates } from '../server/modules/certificates/certificates.service'
import { searchMail } from '../server/modules/mail/mail.service'
import { searchPayments } from '../server/modules/payments/payments.service'

/**
 * The lists' first page (which carries the bounded count), second page and a page deep in the list (starting at
 * the middle row of its order), on a database made by `seed --scale` (decision 0016). Each figure is the median
 * of five runs after one warm-up, in milliseconds. openDatabase migrates the file first. The cases name the demo
 * firms (52111891 港通, 61611290) that the scale seed's rows belong to.
 */
type Page = { items: unknown[]; nextCursor: string | null; total?: unknown }
interface Case {
  name: string
  run: (db: Db, query: Record<string, string>) => Page
  query: Record<string, string>
  /** the middle row of the list in its order, as the cursor's [key, id] (or the id alone) */
  middle?: (sqlite: Database.Database) => [string, number] | number | null
}

const staffUser = (officeCode: SessionUser['officeCode']): SessionUser => ({ id: 1, username: 'bench', displayName: 'bench', officeCode, roles: ['clerk', 'supervisor', 'auditor', 'admin'], mustChangePassword: false })
const company = (ubn: string): PortalUser => ({ id: 1, accountId: ubn, category: 'company', attribute: 'company', name: 'bench', ubn, companyName: 'bench', mustChangePassword: false, hasPassword: true })
const now = new Date()

const apps = (user: SessionUser) => (db: Db, q: Record<string, string>) => searchApplications({ db, user, query: applicationListQuery.parse(q), now })
const certs = (user: SessionUser) => (db: Db, q: Record<string, string>) => searchCertificates({ db, user, query: certificateListQuery.parse(q), now })
const audit = (db: Db, q: Record<string, string>) => searchAudit({ db, actor: staffUser('I'), query: auditListQuery.parse(q) })
const mailOf = (actor: SessionUser) => (db: Db, q: Record<string, string>) => searchMail({ db, actor, query: mailListQuery.parse(q) })
const mail = mailOf(staffUser('I'))
const paymentsOf = (user: SessionUser) => (db: Db, q: Record<string, string>) => searchPayments({ db, user, query: paymentListQuery.parse(q) })
const payments = paymentsOf(staffUser('I'))

/** The row at the middle of `from … order by`, as [key, id]. */
const middleRow = (sql: string) => (sqlite: Database.Database) => {
  const n = (sqlite.prepare(`select count(*) as n from (${sql})`).get() as { n: number }).n
  if (n < 2) return null
  const row = sqlite.prepare(`${sql} limit 1 offset ${Math.floor(n / 2)}`).raw().get() as [string, number] | undefined
  return row ?? null
}
const middleId = (table: string, where = '1') => (sqlite: Database.Database) =>
  (sqlite.prepare(`select id from ${table} where ${where} order by id desc limit 1 offset (select count(*) / 2 from ${table} where ${where})`).get() as { id: number } | undefined)?.id ?? null

const received = `coalesce(submitted_at, created_at)`
export const listCases: Case[] = [
  { name: 'applications: all offices, received asc', run: apps(staffUser('I')), query: {}, middle: middleRow(`select ${received}, id from applications where status != 'draft' order by ${received}, id`) },
  { name: 'applications: office AA, received desc', run: apps(staffUser('AA')), query: { order: 'desc' }, middle: middleRow(`select ${received}, id from applications where office_code = 'AA' and status != 'draft' order by ${received} desc, id desc`) },
  { name: 'applications: office AA, status 00 (review queue)', run: apps(staffUser('AA')), query: { status: '00' }, middle: middleRow(`select ${received}, id from applications where office_code = 'AA' and status = '00' order by ${received}, id`) },
  { name: 'applications: office AA, overdue', run: apps(staffUser('AA')), query: { overdue: 'true' } },
  { name: 'applications: a month, all offices', run: apps(staffUser('I')), query: { from: '2025-03-01', to: '2025-03-31' } },
  { name: 'applications: office BA, number asc', run: apps(staffUser('BA')), query: { sort: 'applicationNo' }, middle: middleRow(`select application_no, id from applications where office_code = 'BA' and status != 'draft' order by application_no, id`) },
  { name: 'applications: number desc, status A0', run: apps(staffUser('I')), query: { sort: 'applicationNo', order: 'desc', status: 'A0' }, middle: middleRow(`select application_no, id from applications where status = 'A0' order by application_no desc, id desc`) },
  { name: 'applications: service revoke', run: apps(staffUser('I')), query: { service: 'revoke' } },
  { name: 'applications: service unsuspend (none)', run: apps(staffUser('I')), query: { service: 'unsuspend' } },
  { name: 'applications: channel online, office AA', run: apps(staffUser('AA')), query: { channel: 'online' } },
  { name: 'applications: q part of a name (港通)', run: apps(staffUser('I')), query: { q: '港通' }, middle: middleRow(`select ${received}, id from applications where company_name like '%港通%' and status != 'draft' order by ${received}, id`) },
  { name: 'applications: q part of a name, number order', run: apps(staffUser('I')), query: { q: '港通', sort: 'applicationNo' } },
  { name: 'applications: q a UBN', run: apps(staffUser('I')), query: { q: '61611290', order: 'desc' } },
  { name: 'applications: q matching nothing', run: apps(staffUser('I')), query: { q: '不存在的公司' } },
  { name: 'portal applications: one company', run: (db, q) => listOwnApplications({ db, user: company('52111891'), query: portalApplicationListQuery.parse(q) }), query: {}, middle: middleRow(`select ${received}, id from applications where ubn = '52111891' and status != 'draft' order by ${received} desc, id desc`) },
  { name: 'certificates: all offices, expiry asc', run: certs(staffUser('I')), query: {}, middle: middleRow(`select not_after, id from certificates order by not_after, id`) },
  { name: 'certificates: office AA, revoked', run: certs(staffUser('AA')), query: { status: 'revoked' }, middle: middleRow(`select not_after, id from certificates where office_code = 'AA' and status = 'revoked' order by not_after, id`) },
  { name: 'certificates: office AA, serial desc', run: certs(staffUser('AA')), query: { sort: 'serial', order: 'desc' }, middle: middleRow(`select serial_hex, id from certificates where office_code = 'AA' order by serial_hex desc, id desc`) },
  { name: 'certificates: one firm, expiry', run: certs(staffUser('I')), query: { ubn: '52111891' }, middle: middleRow(`select not_after, id from certificates where ubn = '52111891' order by not_after, id`) },
  { name: 'certificates: q a UBN', run: certs(staffUser('I')), query: { q: '52111891', order: 'desc' } },
  { name: 'audit: all', run: audit, query: {}, middle: middleId('audit_log') },
  { name: 'audit: office AA', run: audit, query: { officeCode: 'AA' }, middle: middleId('audit_log', `office_code = 'AA'`) },
  { name: 'audit: entity application', run: audit, query: { entity: 'application' }, middle: middleId('audit_log', `entity = 'application'`) },
  { name: 'audit: a month', run: audit, query: { from: '2025-03-01', to: '2025-03-31' } },
  { name: 'audit: q an application number', run: audit, query: { q: 'AA1130000019' } },
  { name: 'payments: all', run: payments, query: {}, middle: middleRow(`select paid_on, id from payments order by paid_on desc, id desc`) },
  { name: 'payments: office AA (a clerk)', run: paymentsOf(staffUser('AA')), query: {} },
  { name: 'payments: q part of a name (港通)', run: payments, query: { q: '港通' } },
  { name: 'payments: q a slip number', run: payments, query: { q: 'F00000012345' } },
  { name: 'mail: all', run: mail, query: {}, middle: middleId('mail_outbox') },
  { name: 'mail: failed', run: mail, query: { status: 'failed' }, middle: middleId('mail_outbox', `status = 'failed'`) },
  { name: 'mail: sent', run: mail, query: { status: 'sent' }, middle: middleId('mail_outbox', `status = 'sent'`) },
  { name: 'mail: an office admin (AA)', run: mailOf(staffUser('AA')), query: {} },
  { name: 'mail: q an address', run: mail, query: { q: 'contact42@example.com' } },
]

function cursorOf(sample: string | null, middle: [string, number] | number): string {
  // the bench speaks each list's cursor as its nextCursor does: an id alone, or base64url JSON [key, id]
  if (typeof middle === 'number') return String(middle)
  if (sample && /^\d+$/.test(sample)) return String(middle[1])
  return Buffer.from(JSON.stringify(middle)).toString('base64url')
}

function median(run: () => unknown, times = 5): number {
  run()
  const ms: number[] = []
  for (let i = 0; i < times; i++) {
    const start = performance.now()
    run()
    ms.push(performance.now() - start)
  }
  return ms.sort((a, b) => a - b)[Math.floor(times / 2)]!
}

export interface ListTiming {
  name: string
  firstMs: number
  secondMs: number | null
  deepMs: number | null
  rows: number
  total: unknown
}

/** Times every list case on `dbFile` (which openDatabase migrates first). */
export function benchLists(dbFile: string, cases: Case[] = listCases): ListTiming[] {
  const database = openDatabase(dbFile)
  const out: ListTiming[] = []
  try {
    for (const c of cases) {
      const first = c.run(database.db, c.query)
      const firstMs = median(() => c.run(database.db, c.query))
      const next = first.nextCursor
      const secondMs = next ? median(() => c.run(database.db, { ...c.query, cursor: next })) : null
      const middle = c.middle?.(database.sqlite) ?? null
      const deep = middle === null ? null : cursorOf(next, middle)
      const deepMs = deep ? median(() => c.run(database.db, { ...c.query, cursor: deep })) : null
      out.push({ name: c.name, firstMs, secondMs, deepMs, rows: first.items.length, total: first.total ?? null })
      const fmt = (v: number | null) => (v === null ? '—' : v.toFixed(1)).padStart(8)
      console.log(`  ${c.name.padEnd(52)} ${fmt(firstMs)} ${fmt(secondMs)} ${fmt(deepMs)} ms  ${JSON.stringify(first.total ?? null)}`)
    }
  } finally {
    database.close()
  }
  return out
}
