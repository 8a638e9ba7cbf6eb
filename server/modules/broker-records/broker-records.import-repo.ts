import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { appointments, brokers, firmLicences, firms } from '../../../db/schema'

/**
 * The import's reads and writes. Reads take the keys a file names and look them up in chunks, so a
 * 5 MB file costs a few hundred indexed queries whatever the size of the tables.
 */
const CHUNK = 500

function chunked<T, R>(keys: Iterable<T>, read: (chunk: T[]) => R[]): R[] {
  const all = [...new Set(keys)]
  const out: R[] = []
  for (let i = 0; i < all.length; i += CHUNK) out.push(...read(all.slice(i, i + CHUNK)))
  return out
}

export type FirmRowDb = typeof firms.$inferSelect
export type LicenceRowDb = typeof firmLicences.$inferSelect
export type BrokerRowDb = typeof brokers.$inferSelect
export type AppointmentRowDb = typeof appointments.$inferSelect

export function firmsByUbn(db: Db, ubns: Iterable<string>): Map<string, FirmRowDb> {
  const rows = chunked(ubns, (chunk) => db.select().from(firms).where(inArray(firms.ubn, chunk)).all())
  return new Map(rows.map((r) => [r.ubn, r]))
}

/** The firms holding any of these box numbers, in any office. */
export function firmsHoldingBoxes(db: Db, boxes: Iterable<string>): Pick<FirmRowDb, 'ubn' | 'officeCode' | 'boxNo'>[] {
  return chunked(boxes, (chunk) =>
    db.select({ ubn: firms.ubn, officeCode: firms.officeCode, boxNo: firms.boxNo }).from(firms).where(and(isNotNull(firms.boxNo), inArray(firms.boxNo, chunk))).all(),
  )
}

export function licencesByUbn(db: Db, ubns: Iterable<string>): LicenceRowDb[] {
  return chunked(ubns, (chunk) => db.select().from(firmLicences).where(inArray(firmLicences.ubn, chunk)).all())
}

export function brokersByCode(db: Db, codes: Iterable<string>): Map<string, BrokerRowDb> {
  const rows = chunked(codes, (chunk) => db.select().from(brokers).where(inArray(brokers.code, chunk)).all())
  return new Map(rows.map((r) => [r.code, r]))
}

export function brokersByPersonId(db: Db, ids: Iterable<string>): Map<string, string> {
  const rows = chunked(ids, (chunk) => db.select({ code: brokers.code, nationalId: brokers.nationalId }).from(brokers).where(inArray(brokers.nationalId, chunk)).all())
  return new Map(rows.map((r) => [r.nationalId, r.code]))
}

export function appointmentsOfBrokers(db: Db, codes: Iterable<string>): AppointmentRowDb[] {
  return chunked(codes, (chunk) => db.select().from(appointments).where(inArray(appointments.brokerCode, chunk)).all())
}

/** Frees box numbers that change hands within the file, so swapping two firms' boxes never trips the unique index mid-way. */
export function clearBoxes(db: Db, ubns: string[]): void {
  chunked(ubns, (chunk) => [db.update(firms).set({ boxNo: null }).where(inArray(firms.ubn, chunk)).run()])
}

export function upsertFirm(db: Db, v: FirmRowDb): void {
  const { ubn: _ubn, ...set } = v
  db.insert(firms).values(v).onConflictDoUpdate({ target: firms.ubn, set }).run()
}

export function upsertLicence(db: Db, v: Omit<LicenceRowDb, 'id'>): void {
  const { ubn: _ubn, businessType: _type, ...set } = v
  db.insert(firmLicences).values(v).onConflictDoUpdate({ target: [firmLicences.ubn, firmLicences.businessType], set }).run()
}

/** Moves ID numbers that change hands out of the way first, as clearBoxes does for boxes (the column is NOT NULL). */
export function parkPersonIds(db: Db, codes: string[]): void {
  chunked(codes, (chunk) => [db.update(brokers).set({ nationalId: sql`'~' || ${brokers.code}` }).where(inArray(brokers.code, chunk)).run()])
}

export function upsertBroker(db: Db, v: BrokerRowDb): void {
  const { code: _code, ...set } = v
  db.insert(brokers).values(v).onConflictDoUpdate({ target: brokers.code, set }).run()
}

export function insertAppointment(db: Db, v: Omit<AppointmentRowDb, 'id'>): void {
  db.insert(appointments).values(v).run()
}

export function updateAppointment(db: Db, id: number, set: Pick<AppointmentRowDb, 'toDate' | 'status'>): void {
  db.update(appointments).set(set).where(eq(appointments.id, id)).run()
}
