import { and, asc, desc, eq, exists, or, sql, type SQL } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import type { AppointmentStatus, Broker, BrokerSortField, Firm, FirmSortField, LicenceStatus, QualificationStatus } from '../../../core/contracts/broker-records'
import { toHalfWidth } from '../../../core/tw'
import type { Db } from '../../../db/client'
import { dialectSql } from '../../../db/dialect'
import { appointments, brokers, firmLicences, firms } from '../../../db/schema'
import { boundedCount } from '../../lib/paging'
import { containsPattern } from '../../lib/sql'
import { selectAppointments, toAppointment, toBroker, toFirm } from './broker-records.repo'

/**
 * The records' three lists (decision 0016). They are registers, not logs: thousands of firms and brokers, a
 * few appointments each. Every order has an index ending in the key (firms_*_idx, brokers_*_idx,
 * appointments_from_idx), so a page is read in order; the other filters and the text search test the rows
 * of that walk, which a register's size bounds.
 */

/** "Starts with" a code (half-width, upper case), case-sensitively: a code's index serves it, as LIKE's cannot. */
const startsWith = (db: Db, column: SQLiteColumn, text: string) => dialectSql(db).startsWith(column, toHalfWidth(text).toUpperCase())

/** Where a keyset page starts: after the row with this sort value and key. */
export interface After {
  value: string
  key: string
}

/** `(sort, key) > (value, key)` for ascending pages, `<` for descending ones: SQLite compares row values. */
function keyset(sortColumn: SQLiteColumn, keyColumn: SQLiteColumn, order: 'asc' | 'desc', after: { value: string; key: string | number } | undefined): SQL | undefined {
  if (!after) return undefined
  if (sortColumn === keyColumn) return order === 'asc' ? sql`${keyColumn} > ${after.key}` : sql`${keyColumn} < ${after.key}`
  return order === 'asc' ? sql`(${sortColumn}, ${keyColumn}) > (${after.value}, ${after.key})` : sql`(${sortColumn}, ${keyColumn}) < (${after.value}, ${after.key})`
}

/** The order by these columns (a column named twice, the sort being the key, once). */
const by = (order: 'asc' | 'desc', ...columns: SQLiteColumn[]) => [...new Set(columns)].map((c) => (order === 'desc' ? desc(c) : asc(c)))

export interface FirmFilter {
  q?: string
  officeCode?: string
  businessType?: string
  licenceStatus?: string
  sort: FirmSortField
  order: 'asc' | 'desc'
  after?: After
  limit: number
}

function firmConditions(db: Db, f: Omit<FirmFilter, 'limit'>): (SQL | undefined)[] {
  const where: (SQL | undefined)[] = []
  if (f.q) where.push(or(startsWith(db, firms.ubn, f.q), sql`${firms.name} like ${containsPattern(f.q)} escape '\\'`))
  // (office_code, ubn) serves the office in the UBN and office orders; in the others it tests rows of the walk
  if (f.officeCode) where.push(f.sort === 'ubn' || f.sort === 'officeCode' ? eq(firms.officeCode, f.officeCode) : sql`+${firms.officeCode} = ${f.officeCode}`)
  if (f.businessType || f.licenceStatus) {
    const licence = and(
      eq(firmLicences.ubn, firms.ubn),
      f.businessType ? eq(firmLicences.businessType, f.businessType) : undefined,
      f.licenceStatus ? eq(firmLicences.status, f.licenceStatus as LicenceStatus) : undefined,
    )
    where.push(exists(db.select({ one: sql`1` }).from(firmLicences).where(licence)))
  }
  return where
}

export function firmsQuery(db: Db, f: Omit<FirmFilter, 'limit'>) {
  const sortColumn = firms[f.sort]
  return db
    .select()
    .from(firms)
    .where(and(...firmConditions(db, f), keyset(sortColumn, firms.ubn, f.order, f.after)))
    .orderBy(...by(f.order, sortColumn, firms.ubn))
}

export function listFirms(db: Db, f: FirmFilter): Firm[] {
  return firmsQuery(db, f).limit(f.limit).all().map(toFirm)
}

export const firmsCountQuery = (db: Db, f: Omit<FirmFilter, 'limit' | 'after'>) => db.select({ one: sql`1` }).from(firms).where(and(...firmConditions(db, f)))
export const countFirms = (db: Db, f: Omit<FirmFilter, 'limit' | 'after'>) => boundedCount(db, firmsCountQuery(db, f))

export interface BrokerFilter {
  q?: string
  qualificationStatus?: string
  officeLetter?: string
  sort: BrokerSortField
  order: 'asc' | 'desc'
  after?: After
  limit: number
}

/** `q` matches a code prefix, part of the name, or a whole ID number (never part of one: IDs are not browsed). */
function brokerConditions(db: Db, f: Omit<BrokerFilter, 'limit'> & { personId?: string }): (SQL | undefined)[] {
  const byCode = f.sort === 'code'
  const where: (SQL | undefined)[] = []
  if (f.q) where.push(or(startsWith(db, brokers.code, f.q), sql`${brokers.name} like ${containsPattern(f.q)} escape '\\'`, f.personId ? eq(brokers.nationalId, f.personId) : undefined))
  if (f.qualificationStatus) where.push(eq(brokers.qualificationStatus, f.qualificationStatus as QualificationStatus))
  // a code begins with its office's letter: in the code order a range of its index, in the others a test of each row
  if (f.officeLetter) where.push(byCode ? startsWith(db, brokers.code, f.officeLetter) : sql`+${startsWith(db, brokers.code, f.officeLetter)}`)
  return where
}

export function brokersQuery(db: Db, f: Omit<BrokerFilter, 'limit'> & { personId?: string }) {
  const sortColumn = brokers[f.sort]
  return db
    .select()
    .from(brokers)
    .where(and(...brokerConditions(db, f), keyset(sortColumn, brokers.code, f.order, f.after)))
    .orderBy(...by(f.order, sortColumn, brokers.code))
}

export function listBrokers(db: Db, f: BrokerFilter & { personId?: string }): Broker[] {
  return brokersQuery(db, f).limit(f.limit).all().map(toBroker)
}

export const brokersCountQuery = (db: Db, f: Omit<BrokerFilter, 'limit' | 'after'> & { personId?: string }) => db.select({ one: sql`1` }).from(brokers).where(and(...brokerConditions(db, f)))
export const countBrokers = (db: Db, f: Omit<BrokerFilter, 'limit' | 'after'> & { personId?: string }) => boundedCount(db, brokersCountQuery(db, f))

export interface AppointmentFilter {
  q?: string
  brokerCode?: string
  firmUbn?: string
  officeCode?: string
  status?: AppointmentStatus
  order: 'asc' | 'desc'
  /** the last row's fromDate and id */
  after?: { value: string; key: number }
  limit: number
}

function appointmentConditions(db: Db, f: Omit<AppointmentFilter, 'limit'>): (SQL | undefined)[] {
  const where: (SQL | undefined)[] = []
  if (f.q) {
    const contains = containsPattern(f.q)
    where.push(
      or(
        startsWith(db, appointments.brokerCode, f.q),
        startsWith(db, appointments.firmUbn, f.q),
        sql`${brokers.name} like ${contains} escape '\\'`,
        sql`${firms.name} like ${contains} escape '\\'`,
      ),
    )
  }
  if (f.brokerCode) where.push(eq(appointments.brokerCode, f.brokerCode))
  if (f.firmUbn) where.push(eq(appointments.firmUbn, f.firmUbn))
  if (f.officeCode) where.push(sql`+${firms.officeCode} = ${f.officeCode}`)
  if (f.status) where.push(eq(appointments.status, f.status))
  return where
}

/** The list's query without its page size: the list takes a page of it, the export iterates all of it. */
export function appointmentsQuery(db: Db, f: Omit<AppointmentFilter, 'limit'>) {
  return selectAppointments(db)
    .where(and(...appointmentConditions(db, f), keyset(appointments.fromDate, appointments.id, f.order, f.after)))
    .orderBy(...by(f.order, appointments.fromDate, appointments.id))
}

export function listAppointments(db: Db, f: AppointmentFilter) {
  return appointmentsQuery(db, f).limit(f.limit).all().map(toAppointment)
}

export const appointmentsCountQuery = (db: Db, f: Omit<AppointmentFilter, 'limit' | 'after'>) =>
  db
    .select({ one: sql`1` })
    .from(appointments)
    .innerJoin(brokers, eq(brokers.code, appointments.brokerCode))
    .innerJoin(firms, eq(firms.ubn, appointments.firmUbn))
    .where(and(...appointmentConditions(db, f)))
export const countAppointments = (db: Db, f: Omit<AppointmentFilter, 'limit' | 'after'>) => boundedCount(db, appointmentsCountQuery(db, f))
