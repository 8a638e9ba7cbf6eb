import { and, asc, desc, eq, inArray } from 'drizzle-orm'
import type {
  Appointment,
  AppointmentStatus,
  Broker,
  BusinessType,
  Firm,
  FirmLicence,
  QualificationStatus,
} from '../../../core/contracts/broker-records'
import type { OfficeCode } from '../../../core/contracts/offices'
import type { Db } from '../../../db/client'
import { appointments, brokers, firmLicences, firms } from '../../../db/schema'

export const toFirm = (r: typeof firms.$inferSelect): Firm => ({ ...r, officeCode: r.officeCode as OfficeCode })

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

export const toBroker = (r: typeof brokers.$inferSelect): Broker => ({ ...r, qualificationStatus: r.qualificationStatus as QualificationStatus })

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

export function selectAppointments(db: Db) {
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
