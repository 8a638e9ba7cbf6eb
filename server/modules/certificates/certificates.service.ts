import type { z } from 'zod'
import type { SessionUser } from '../../../core/contracts/auth'
import { normalizeSerial, type Certificate, type CertificateEvent, type CertificatePage, type certificateListQuery } from '../../../core/contracts/certificates'
import { AppError } from '../../../core/errors'
import type { Db } from '../../../db/client'
import { recordAudit, type AuditContext } from '../../lib/audit'
import { decodeCursor, encodeCursor, pageOf } from '../../lib/paging'
import { officeScope } from '../../lib/sql'
import { certificatesOfBrokerRows, countCertificates, existsFor, findCertificateBySerial, insertCertificate, listCertificates, resolveFilter, serialSpellings, setCertificateStatus, type CertificateFilter, type CertificateRow, type NewCertificateRow } from './certificates.repo'
import { timelineOf, toCertificate, toSummary } from './certificates.view'

/** The registry entry of a customs certificate (RA side), or null. */
export function findCertificate(db: Db, serialHex: string): CertificateRow | null {
  return findCertificateBySerial(db, serialHex)
}

/** Marks the registry entry after the CA revoked, held or released it; inside the caller's transaction. */
export function markCertificateStatus(tx: Db, serialHex: string, v: { status: CertificateRow['status']; revokedAt: string | null; revocationReason: string | null }): void {
  setCertificateStatus(tx, serialHex, v)
}

/** Whether a firm (and broker) already has a certificate of this kind in the registry. */
export function holdsCertificate(db: Db, holder: { ubn: string; kind: CertificateRow['kind']; brokerCode: string | null }): boolean {
  return existsFor(db, holder)
}

/** Adds an issued certificate to the registry with its audit row, inside the caller's transaction. */
export function registerCertificate(tx: Db, row: NewCertificateRow, ctx: AuditContext): void {
  insertCertificate(tx, row)
  recordAudit(tx, ctx, { action: 'certificate.registered', entity: 'certificate', entityId: row.serialHex, after: { kind: row.kind, ubn: row.ubn, brokerCode: row.brokerCode, officeCode: row.officeCode, applicationId: row.applicationId ?? null } })
}

/** A certificate the user may see: other offices' certificates do not exist for office staff. */
export function scopedCertificate(db: Db, user: SessionUser, serialHex: string): CertificateRow {
  const row = findCertificateBySerial(db, serialHex)
  const scope = officeScope(user.officeCode)
  if (!row || (scope && row.officeCode !== scope)) throw new AppError('NOT_FOUND', { message: { 'zh-TW': '查無此憑證序號', en: 'No certificate with this serial' } })
  return row
}

const taipeiMidnight = (date: string, plusDays = 0) => new Date(Date.parse(`${date}T00:00:00+08:00`) + plusDays * 86_400_000).toISOString()

/** The search box: a UBN, a broker code or a serial, whichever the text can be (a UBN is also valid hex). */
function searchBox(q: string | undefined) {
  if (!q) return undefined
  const text = q.replace(/\s+/g, '')
  const serial = normalizeSerial(text)
  return {
    serials: serial ? serialSpellings(serial) : [],
    ubn: /^\d{8}$/.test(text) ? text : undefined,
    brokerCode: /^[A-Za-z]\d{5}$/.test(text) ? text.toUpperCase() : undefined,
  }
}

type ListFilters = Omit<z.output<typeof certificateListQuery>, 'cursor' | 'limit'>

/** The list's filters as the repo takes them, scoped to the user's office; the export uses the same. */
export function certificateFilter(opts: { user: SessionUser; query: ListFilters; now: Date }): Omit<CertificateFilter, 'limit'> {
  const { query, now } = opts
  let notAfterFrom = query.expiresFrom ? taipeiMidnight(query.expiresFrom) : undefined
  let notAfterBefore = query.expiresTo ? taipeiMidnight(query.expiresTo, 1) : undefined
  if (query.expiresWithinDays) {
    const windowEnd = new Date(now.getTime() + Number(query.expiresWithinDays) * 86_400_000).toISOString()
    notAfterFrom = notAfterFrom && notAfterFrom > now.toISOString() ? notAfterFrom : now.toISOString()
    notAfterBefore = notAfterBefore && notAfterBefore < windowEnd ? notAfterBefore : windowEnd
  }
  return {
    scope: officeScope(opts.user.officeCode),
    officeCode: query.officeCode,
    anyOf: searchBox(query.q),
    ubn: query.ubn,
    brokerCode: query.brokerCode,
    status: query.status,
    notAfterFrom,
    notAfterBefore,
    sort: query.sort,
    order: query.order,
  }
}

export function searchCertificates(opts: { db: Db; user: SessionUser; query: z.output<typeof certificateListQuery>; now: Date }): CertificatePage {
  const { query } = opts
  // the search box's serial looked up once, for the page and its count
  const filter = resolveFilter(opts.db, certificateFilter(opts))
  const rows = listCertificates(opts.db, { ...filter, after: decodeCursor(query.cursor), limit: query.limit + 1 })
  const page = pageOf(rows, query.limit, (last) => encodeCursor(query.sort === 'serial' ? last.serialHex : last.notAfter, last.id))
  return { items: page.items.map(toSummary), nextCursor: page.nextCursor, ...(query.cursor ? {} : { total: countCertificates(opts.db, filter) }) }
}

export function getCertificate(opts: { db: Db; user: SessionUser; serialHex: string }): Promise<Certificate> {
  return toCertificate(opts.db, scopedCertificate(opts.db, opts.user, opts.serialHex), opts.user)
}

/** The certificate's DER for download, with a file name of letters and digits only (DOMAIN.md §5). */
export function certificateFile(opts: { db: Db; user: SessionUser; serialHex: string }): { fileName: string; der: Buffer } {
  const row = scopedCertificate(opts.db, opts.user, opts.serialHex)
  if (!row.der?.length) throw new AppError('NOT_FOUND', { message: { 'zh-TW': '此憑證沒有可下載的檔案', en: 'This certificate has no file to download' } })
  const cn = /CN=([^,]+)/.exec(row.subjectDn)?.[1] ?? ''
  const name = `${cn.replace(/[^A-Za-z0-9]/g, '')}${row.serialHex}`.slice(0, 80)
  return { fileName: `${name}.cer`, der: row.der }
}

/** A broker's certificates that are still valid or on hold, of every office: what a disqualification revokes. */
export function liveCertificatesOfBroker(db: Db, brokerCode: string): CertificateRow[] {
  return certificatesOfBrokerRows(db, brokerCode).filter((r) => r.status !== 'revoked')
}

/** The history of each of a broker's certificates the user may see (office staff: their office's), for the broker's timeline. */
export function certificateEventsOfBroker(db: Db, user: SessionUser, brokerCode: string): { serialHex: string; ubn: string; events: CertificateEvent[] }[] {
  const scope = officeScope(user.officeCode)
  return certificatesOfBrokerRows(db, brokerCode)
    .filter((r) => !scope || r.officeCode === scope)
    .map((r) => ({ serialHex: r.serialHex, ubn: r.ubn, events: timelineOf(db, r, user) }))
}

/** Every stored spelling of a serial, for other modules' lookups by serial. */
export { serialSpellings } from './certificates.repo'
