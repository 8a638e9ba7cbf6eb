import { and, asc, desc, eq, exists, inArray, or, sql, type SQL } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import type {
  Appointment,
  AppointmentStatus,
  Broker,
  BrokerSortField,
  BusinessType,
  Firm,
  FirmLicence,
  FirmSortField,
  LicenceStatus,
  QualificationStatus,
} from '../../../core/contracts/broker-records'
import type { OfficeCode } from '../../../core/contracts/offices'
import type { Db } from '../../../db/client'
import { appointments, brokers, firmLicences, firms } from '../../../db/schema'
import { toHalfWidth } from '../../../core/tw'
import { containsPattern } from '../../lib/sql'

/** A LIKE pattern for "starts with" a code (half-width, upper case), the user's own % and _ taken literally (ESCAPE '\\'). */
const prefixPattern = (text: string) => `${toHalfWidth(text).toUpperCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`

/** Where a keyset page starts: after the row with this sort value and key. */
export interface After {
  value: string
  key: string
}

/** `(sort, key) > (value, key)` for ascending pages, `<` for descending ones: SQLite compares row values. */
function keyset(sortColumn: SQLiteColumn, keyColumn: SQLiteColumn, order: 'asc' | 'desc', after: After | undefined): SQL | undefined {
  if (!after) return undefined
  if (sortColumn === keyColumn) return order === 'asc' ? sql`${keyColumn} > ${after.key}` : sql`${keyColumn} < ${after.key}`
  return order === 'asc'
    ? sql`(${sortColumn}, ${keyColumn}) > (${after.value}, ${after.key})`
    : sql`(${sortColumn}, ${keyColumn}) < (${after.value}, ${after.key})`
}

const by = (order: 'asc' | 'desc', ...columns: SQLiteColumn[]) => columns.map((c) => (order === 'desc' ? desc(c) : asc(c)))

const toFirm = (r: typeof firms.$inferSelect): Firm => ({ ...r, officeCode: r.officeCode as OfficeCode })

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

export function listFirms(db: Db, f: FirmFilter): Firm[] {
  const where: (SQL | undefined)[] = []
  if (f.q) where.push(or(sql`${firms.ubn} like ${prefixPattern(f.q)} escape '\\'`, sql`${firms.name} like ${containsPattern(f.q)} escape '\\'`))
  if (f.officeCode) where.push(eq(firms.officeCode, f.officeCode))
  if (f.businessType || f.licenceStatus) {
    const licence = and(
      eq(firmLicences.ubn, firms.ubn),
      f.businessType ? eq(firmLicences.businessType, f.businessType) : undefined,
      f.licenceStatus ? eq(firmLicences.status, f.licenceStatus as LicenceStatus) : undefined,
    )
    where.push(exists(db.select({ one: sql`1` }).from(firmLicences).where(licence)))
  }
  const sortColumn = firms[f.sort]
  where.push(keyset(sortColumn, firms.ubn, f.order, f.after))
  return db
    .select()
    .from(firms)
    .where(and(...where))
    .orderBy(...by(f.order, sortColumn, firms.ubn))
    .limit(f.limit)
    .all()
    .map(toFirm)
}

export function findFirm(db: Db, ubn: string): Firm | null {
  const row = db.select().from(firms).where(eq(firms.ubn, ubn)).get()
  return row ? toFirm(row) : null
}

/** The licences of several firms in one query, by UBN. */
export function licencesOf(db: Db, ubns: string[]): Map<string, FirmLicence[]> {
  const out = new Map<string, FirmLicence[]>(ubns.map((ubn) => [ubn, []]))
  if (ubns.length === 0) return out
  const rows = db.select().from(firmLicences).where(inArray(firmLicences.ubn, ubns)).orderBy(asc(firmLicences.businessType)).all()
  for (const r of rows) {
    out.get(r.ubn)?.push({ businessType: r.businessType as BusinessType, status: r.status, licensedOn: r.licensedOn, expiresOn: r.expiresOn })
  }
  return out
}

const toBroker = (r: typeof brokers.$inferSelect): Broker => ({ ...r, qualificationStatus: r.qualificationStatus as QualificationStatus })

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
export function listBrokers(db: Db, f: BrokerFilter & { personId?: string }): Broker[] {
  const where: (SQL | undefined)[] = []
  if (f.q) {
    where.push(
      or(
        sql`${brokers.code} like ${prefixPattern(f.q)} escape '\\'`,
        sql`${brokers.name} like ${containsPattern(f.q)} escape '\\'`,
        f.personId ? eq(brokers.nationalId, f.personId) : undefined,
      ),
    )
  }
  if (f.qualificationStatus) where.push(eq(brokers.qualificationStatus, f.qualificationStatus as QualificationStatus))
  if (f.officeLetter) where.push(sql`${brokers.code} like ${`${f.officeLetter}%`}`)
  const sortColumn = brokers[f.sort]
  where.push(keyset(sortColumn, brokers.code, f.order, f.after))
  return db
    .select()
    .from(brokers)
    .where(and(...where))
    .orderBy(...by(f.order, sortColumn, brokers.code))
    .limit(f.limit)
    .all()
    .map(toBroker)
}

export function findBroker(db: Db, code: string): Broker | null {
  const row = db.select().from(brokers).where(eq(brokers.code, code)).get()
  return row ? toBroker(row) : null
}

const appointmentColumns = {
  id: appointments.id,
  brokerCode: appointments.brokerCode,
  brokerName: brokers.name,
  firmUbn: appointments.firmUbn,
  firmName: firms.name,
  firmOfficeCode: firms.officeCode,
  fromDate: appointments.fromDate,
  toDate: appointments.toDate,
  status: appointments.status,
}

function selectAppointments(db: Db) {
  return db
    .select(appointmentColumns)
    .from(appointments)
    .innerJoin(brokers, eq(brokers.code, appointments.brokerCode))
    .innerJoin(firms, eq(firms.ubn, appointments.firmUbn))
}

export const toAppointment = (r: { firmOfficeCode: string; status: string } & Omit<Appointment, 'firmOfficeCode' | 'status'>): Appointment => ({
  ...r,
  firmOfficeCode: r.firmOfficeCode as OfficeCode,
  status: r.status as AppointmentStatus,
})

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

export function listAppointments(db: Db, f: AppointmentFilter): Appointment[] {
  return appointmentsQuery(db, f).limit(f.limit).all().map(toAppointment)
}

/** The list's query without its page size: the list takes a page of it, the export iterates all of it. */
export function appointmentsQuery(db: Db, f: Omit<AppointmentFilter, 'limit'>) {
  const where: (SQL | undefined)[] = []
  if (f.q) {
    const prefix = prefixPattern(f.q)
    const contains = containsPattern(f.q)
    where.push(
      or(
        sql`${appointments.brokerCode} like ${prefix} escape '\\'`,
        sql`${appointments.firmUbn} like ${prefix} escape '\\'`,
        sql`${brokers.name} like ${contains} escape '\\'`,
        sql`${firms.name} like ${contains} escape '\\'`,
      ),
    )
  }
  if (f.brokerCode) where.push(eq(appointments.brokerCode, f.brokerCode))
  if (f.firmUbn) where.push(eq(appointments.firmUbn, f.firmUbn))
  if (f.officeCode) where.push(eq(firms.officeCode, f.officeCode))
  if (f.status) where.push(eq(appointments.status, f.status))
  if (f.after) {
    const { value, key } = f.after
    where.push(f.order === 'asc' ? sql`(${appointments.fromDate}, ${appointments.id}) > (${value}, ${key})` : sql`(${appointments.fromDate}, ${appointments.id}) < (${value}, ${key})`)
  }
  return selectAppointments(db)
    .where(and(...where))
    .orderBy(...by(f.order, appointments.fromDate, appointments.id))
}

/** One firm's or one broker's appointments (or only the active ones): current first, then newest first. */
export function appointmentsOf(db: Db, of: { firmUbn?: string; brokerCode?: string | string[]; activeOnly?: boolean }): Appointment[] {
  const codes = of.brokerCode === undefined ? undefined : Array.isArray(of.brokerCode) ? of.brokerCode : [of.brokerCode]
  if (codes?.length === 0) return []
  return selectAppointments(db)
    .where(
      and(
        of.firmUbn ? eq(appointments.firmUbn, of.firmUbn) : undefined,
        codes ? inArray(appointments.brokerCode, codes) : undefined,
        of.activeOnly ? eq(appointments.status, 'active') : undefined,
      ),
    )
    .orderBy(asc(appointments.status), desc(appointments.fromDate), desc(appointments.id))
    .all()
    .map(toAppointment)
}

export function findActiveAppointmentRow(db: Db, brokerCode: string, ubn: string): Appointment | null {
  const row = selectAppointments(db)
    .where(and(eq(appointments.brokerCode, brokerCode), eq(appointments.firmUbn, ubn), eq(appointments.status, 'active')))
    .orderBy(desc(appointments.fromDate))
    .get()
  return row ? toAppointment(row) : null
}

/** Ends an active appointment on `toDate`; false when it is no longer active (someone ended it first). */
export function endAppointmentRow(db: Db, id: number, toDate: string): boolean {
  return db.update(appointments).set({ toDate, status: 'ended' }).where(and(eq(appointments.id, id), eq(appointments.status, 'active'))).run().changes === 1
}

export function insertAppointment(db: Db, row: { brokerCode: string; firmUbn: string; fromDate: string }): number {
  return db.insert(appointments).values({ ...row, toDate: null, status: 'active' }).returning({ id: appointments.id }).get().id
}

export function setBrokerDisqualified(db: Db, code: string, disqualifiedOn: string): boolean {
  return db.update(brokers).set({ qualificationStatus: 'disqualified', disqualifiedOn }).where(eq(brokers.code, code)).run().changes === 1
}
