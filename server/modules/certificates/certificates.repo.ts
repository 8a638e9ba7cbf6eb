import { and, asc, desc, eq, getTableColumns, gte, inArray, lt, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm'
import { union, unionAll } from 'drizzle-orm/sqlite-core'
import type { Db } from '../../../db/client'
import { auditLog, certificates } from '../../../db/schema'
import type { ListTotal } from '../../../core/contracts/paging'
import { boundedCountQuery, keysetAfter, toTotal, type Keyset } from '../../lib/paging'
import { preparedOnce, shapeOf } from '../../lib/prepared'

export type CertificateRow = typeof certificates.$inferSelect
export type NewCertificateRow = typeof certificates.$inferInsert

/**
 * What the registry's list and export read: every column but the certificate file itself, about a kilobyte a
 * row that neither shows (a registered certificate's file is read only for its download and detail).
 */
const { der: _der, ...listColumns } = getTableColumns(certificates)
export type CertificateListRow = Omit<CertificateRow, 'der'>

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
  /** the search box: any of these may match; `serial` is a serial as stored (resolveFilter finds it among `serials`) */
  anyOf?: { serials?: string[]; serial?: string; ubn?: string; brokerCode?: string }
  /** the user's office and the office asked for differ: no rows (resolveFilter) */
  none?: boolean
  ubn?: string
  brokerCode?: string
  status?: CertificateRow['status']
  notAfterFrom?: string
  notAfterBefore?: string
  sort: 'notAfter' | 'serial'
  order: 'asc' | 'desc'
  after?: Keyset
  limit: number
}
type ListFilter = Omit<CertificateFilter, 'limit'>

const STATUSES: CertificateRow['status'][] = ['valid', 'suspended', 'revoked']

const sortKey = (f: Pick<CertificateFilter, 'sort'>) => (f.sort === 'serial' ? certificates.serialHex : certificates.notAfter)

/** `col = value`, or demoted `+col = value`: the unary plus keeps SQLite from choosing that column's index. */
const equals = (col: SQLWrapper, value: string, demoted: boolean) => (demoted ? sql`+${col} = ${value}` : sql`${col} = ${value}`)

/**
 * The filters other than the search box. In the serial order the office and the status only test rows on the
 * walk of the serial index (each is a large share of the registry); `demoted` does the same for a query whose
 * index a search arm chooses.
 */
function conditions(f: ListFilter, status: CertificateRow['status'] | undefined, demoted: boolean): SQL[] {
  const where: SQL[] = []
  // one firm's or one broker's certificates are read through (ubn | broker_code, not_after)
  const walk = demoted || f.sort === 'serial' || !!f.ubn || !!f.brokerCode
  const office = f.scope ?? f.officeCode
  if (f.none || (f.scope && f.officeCode && f.officeCode !== f.scope)) where.push(sql`false`)
  if (office) where.push(equals(certificates.officeCode, office, walk))
  if (status) where.push(equals(certificates.status, status, walk))
  if (f.ubn) where.push(equals(certificates.ubn, f.ubn, demoted))
  if (f.brokerCode) where.push(equals(certificates.brokerCode, f.brokerCode, demoted))
  if (f.notAfterFrom) where.push(gte(certificates.notAfter, f.notAfterFrom))
  if (f.notAfterBefore) where.push(lt(certificates.notAfter, f.notAfterBefore))
  const after = keysetAfter(sortKey(f), certificates.id, f.order, f.after)
  if (after) where.push(after)
  return where
}

/** The search box's alternatives, each a condition one index answers. */
function searchTerms(db: Db, anyOf: NonNullable<ListFilter['anyOf']>): SQL[] {
  const serial = anyOf.serial ?? storedSerial(db, anyOf.serials)
  return [serial ? eq(certificates.serialHex, serial) : undefined, anyOf.ubn ? eq(certificates.ubn, anyOf.ubn) : undefined, anyOf.brokerCode ? eq(certificates.brokerCode, anyOf.brokerCode) : undefined].filter((t): t is SQL => !!t)
}

/** A serial's stored spelling (the unique index finds it among the spellings), so that its search arm is one row. */
function storedSerial(db: Db, serials: string[] | undefined): string | undefined {
  if (!serials?.length) return undefined
  const { filter, key, values } = shapeOf({ serials })
  return preparedOnce(db, 'certificates.serial', key, () => db.select({ s: certificates.serialHex }).from(certificates).where(inArray(certificates.serialHex, filter.serials)).prepare()).get(values)?.s
}

/**
 * The filter with what its query would otherwise look up or compare worked out: the stored serial of the search
 * box, and whether the office asked for is outside the user's. What is left only passes values into conditions,
 * so the list's and the count's queries are prepared once per shape (lib/prepared.ts).
 */
export function resolveFilter<F extends ListFilter>(db: Db, f: F): F {
  const office = f.scope ?? f.officeCode
  const none = !!(f.none || (f.scope && f.officeCode && f.officeCode !== f.scope))
  const anyOf = f.anyOf && { ubn: f.anyOf.ubn, brokerCode: f.anyOf.brokerCode, serial: f.anyOf.serial ?? storedSerial(db, f.anyOf.serials) }
  return { ...f, scope: null, officeCode: none ? undefined : office, none: none || undefined, anyOf }
}

/**
 * The list's query without its page size (decision 0016): the list takes a page of it, the export all of it.
 * In the expiry order one index range per status ((office, status, not_after) or (status, not_after)) or per
 * alternative of the search box ((ubn, not_after), (broker_code, not_after), the serial) is read in order and
 * SQLite merges them (MERGE UNION), so a million rows cost a few index walks instead of a sort of the table.
 */
export function certificatesQuery(db: Db, f: ListFilter) {
  const dir = f.order === 'asc' ? asc : desc
  const order = [dir(sortKey(f)), dir(certificates.id)] as const
  const select = (where: (SQL | undefined)[]) => db.select(listColumns).from(certificates).where(and(...where))
  if (f.anyOf) {
    const terms = searchTerms(db, f.anyOf)
    if (terms.length === 0) return select([sql`false`]).orderBy(...order)
    if (f.sort === 'notAfter' && terms.length > 1) {
      const arms = terms.map((term) => select([...conditions(f, f.status, true), term]))
      return union(arms[0]!, arms[1]!, ...arms.slice(2)).orderBy(...order)
    }
    // one alternative, or the serial order: the matches are one firm's or one broker's, sorted
    return select([...conditions(f, f.status, false), or(...terms)]).orderBy(...order)
  }
  const perStatus = !f.status && f.sort === 'notAfter' && !f.ubn && !f.brokerCode
  if (!perStatus) return select(conditions(f, f.status, false)).orderBy(...order)
  const [valid, suspended, revoked] = STATUSES.map((s) => select(conditions(f, s, false)))
  return unionAll(valid!, suspended!, revoked!).orderBy(...order)
}

/** The filter as its prepared queries take it (lib/prepared.ts). */
export const shapeFilter = <F extends ListFilter>(db: Db, f: F) => shapeOf(resolveFilter(db, f), ['sort', 'order'])

/** Keyset paging over (sort key, id); the query is prepared once per shape of filter. */
export function listCertificates(db: Db, f: CertificateFilter): CertificateListRow[] {
  const { filter, key, values } = shapeFilter(db, f)
  return preparedOnce(db, 'certificates.list', key, () => certificatesQuery(db, filter).limit(filter.limit).prepare()).all(values)
}

/** The rows the filters select, unordered, for the bounded count. */
export function certificatesCountQuery(db: Db, f: Omit<ListFilter, 'after'>) {
  const terms = f.anyOf ? searchTerms(db, f.anyOf) : []
  const search = f.anyOf ? (terms.length ? or(...terms) : sql`false`) : undefined
  return db
    .select({ one: sql`1` })
    .from(certificates)
    .where(and(...conditions({ ...f, sort: 'notAfter' }, f.status, false), search))
}

export function countCertificates(db: Db, f: Omit<ListFilter, 'after'>): ListTotal {
  const { filter, key, values } = shapeFilter(db, f)
  const query = preparedOnce(db, 'certificates.count', key, () => boundedCountQuery(db, certificatesCountQuery(db, filter)).prepare())
  return toTotal(query.get(values)?.n ?? 0)
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
