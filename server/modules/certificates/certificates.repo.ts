import { and, asc, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { auditLog, certificates } from '../../../db/schema'

export type CertificateRow = typeof certificates.$inferSelect
export type NewCertificateRow = typeof certificates.$inferInsert

/**
 * Every stored spelling of a serial: the canonical form and the same digits with leading zeros, up to the
 * 20 octets RFC 5280 allows (rows imported or made by `seed --scale` may carry them). Each is a unique-index
 * lookup.
 */
export function serialSpellings(serialHex: string): string[] {
  const digits = serialHex.toLowerCase().replace(/^0+/, '') || '0'
  const out: string[] = []
  for (let n = digits.length; n <= 40; n++) out.push(digits.padStart(n, '0'))
  return out
}

/** The RA's registry entry of a customs certificate, by serial (leading zeros or not). */
export function findCertificateBySerial(db: Db, serialHex: string): CertificateRow | null {
  return db.select().from(certificates).where(inArray(certificates.serialHex, serialSpellings(serialHex))).get() ?? null
}

/** Whether a firm (with a broker, for a personal certificate) has any certificate of this kind in the registry. */
export function existsFor(db: Db, h: { ubn: string; kind: CertificateRow['kind']; brokerCode: string | null }): boolean {
  const broker = h.brokerCode ? eq(certificates.brokerCode, h.brokerCode) : sql`${certificates.brokerCode} is null`
  return db.select({ id: certificates.id }).from(certificates).where(and(eq(certificates.ubn, h.ubn), eq(certificates.kind, h.kind), broker)).limit(1).get() !== undefined
}

export function insertCertificate(db: Db, row: NewCertificateRow): void {
  db.insert(certificates).values(row).run()
}

export function setCertificateStatus(db: Db, serialHex: string, v: { status: CertificateRow['status']; revokedAt: string | null; revocationReason: string | null }): void {
  db.update(certificates).set(v).where(eq(certificates.serialHex, serialHex)).run()
}

export interface CertificateFilter {
  scope: string | null
  officeCode?: string
  /** the search box: any of these may match */
  anyOf?: { serials?: string[]; ubn?: string; brokerCode?: string }
  ubn?: string
  brokerCode?: string
  status?: CertificateRow['status']
  notAfterFrom?: string
  notAfterBefore?: string
  sort: 'notAfter' | 'serial'
  order: 'asc' | 'desc'
  after?: { key: string; id: number }
  limit: number
}

const STATUSES: CertificateRow['status'][] = ['valid', 'suspended', 'revoked']

function sortKey(f: Pick<CertificateFilter, 'sort'>) {
  return f.sort === 'serial' ? certificates.serialHex : certificates.notAfter
}

function conditions(f: Omit<CertificateFilter, 'limit'>, status: CertificateRow['status'] | undefined): SQL[] {
  const where: SQL[] = []
  const office = f.scope ?? f.officeCode
  if (f.scope && f.officeCode && f.officeCode !== f.scope) where.push(sql`0`)
  if (office) where.push(eq(certificates.officeCode, office))
  if (status) where.push(eq(certificates.status, status))
  if (f.ubn) where.push(eq(certificates.ubn, f.ubn))
  if (f.brokerCode) where.push(eq(certificates.brokerCode, f.brokerCode))
  if (f.anyOf) {
    const any: SQL[] = []
    if (f.anyOf.serials?.length) any.push(inArray(certificates.serialHex, f.anyOf.serials))
    if (f.anyOf.ubn) any.push(eq(certificates.ubn, f.anyOf.ubn))
    if (f.anyOf.brokerCode) any.push(eq(certificates.brokerCode, f.anyOf.brokerCode))
    where.push(any.length ? or(...any)! : sql`0`)
  }
  if (f.notAfterFrom) where.push(gte(certificates.notAfter, f.notAfterFrom))
  if (f.notAfterBefore) where.push(lt(certificates.notAfter, f.notAfterBefore))
  if (f.after) {
    // a row value, so that SQLite seeks the index instead of scanning it
    const op = f.order === 'asc' ? sql`>` : sql`<`
    where.push(sql`(${sortKey(f)}, ${certificates.id}) ${op} (${f.after.key}, ${f.after.id})`)
  }
  return where
}

/** The list's query for one status (or any) without its page size: the list takes a page, the export all. */
function certificatesQuery(db: Db, f: Omit<CertificateFilter, 'limit'>, status: CertificateRow['status'] | undefined) {
  const dir = f.order === 'asc' ? asc : desc
  return db.select().from(certificates).where(and(...conditions(f, status))).orderBy(dir(sortKey(f)), dir(certificates.id))
}

const page = (db: Db, f: CertificateFilter, status: CertificateRow['status'] | undefined): CertificateRow[] => certificatesQuery(db, f, status).limit(f.limit).all()

/**
 * The queries a list of these filters reads, each in the list's order: one, or, sorted by expiry with no status
 * chosen, one index range per status ((office, status, not_after) or (status, not_after)) to be merged, so
 * that a million rows cost three index walks instead of a sort of the table.
 */
export function certificateQueries(db: Db, f: Omit<CertificateFilter, 'limit'>) {
  const narrow = f.status || f.sort !== 'notAfter' || f.anyOf || f.ubn || f.brokerCode
  return narrow ? [certificatesQuery(db, f, f.status)] : STATUSES.map((s) => certificatesQuery(db, f, s))
}

/** The merge order of certificateQueries: expiry, then id, in the list's direction. */
export const byExpiry = (order: 'asc' | 'desc') => (a: CertificateRow, b: CertificateRow) =>
  (order === 'asc' ? 1 : -1) * (a.notAfter < b.notAfter ? -1 : a.notAfter > b.notAfter ? 1 : a.id - b.id)

/** Keyset paging over (sort key, id), with the per-status ranges of certificateQueries merged. */
export function listCertificates(db: Db, f: CertificateFilter): CertificateRow[] {
  const narrow = f.status || f.sort !== 'notAfter' || f.anyOf || f.ubn || f.brokerCode
  if (narrow) return page(db, f, f.status)
  const merged = STATUSES.flatMap((s) => page(db, f, s))
  merged.sort(byExpiry(f.order))
  return merged.slice(0, f.limit)
}

/** What the audit trail says about a certificate: the CA's rows (`ca_certificate`) and the registry's (`certificate`). */
export function auditRowsFor(db: Db, caName: string, serialHex: string) {
  return db
    .select()
    .from(auditLog)
    .where(or(and(eq(auditLog.entity, 'ca_certificate'), eq(auditLog.entityId, `${caName}:${serialHex}`)), and(eq(auditLog.entity, 'certificate'), eq(auditLog.entityId, serialHex))))
    .orderBy(asc(auditLog.id))
    .all()
}

/** A broker's personal certificates in the registry, oldest first. */
export function certificatesOfBrokerRows(db: Db, brokerCode: string): CertificateRow[] {
  return db.select().from(certificates).where(eq(certificates.brokerCode, brokerCode)).orderBy(asc(certificates.id)).all()
}
