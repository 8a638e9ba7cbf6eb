import type { z } from 'zod'
import type {
  Appointment,
  appointmentListQuery,
  AppointmentPage,
  BrokerDetail,
  brokerListQuery,
  BrokerPage,
  BrokerRecord,
  FirmDetail,
  firmListQuery,
  FirmPage,
  FirmRecord,
} from '../../../core/contracts/broker-records'
import { AppError } from '../../../core/errors'
import { isValidPersonId, maskPersonId, normalizeBrokerCode, normalizePersonId, normalizeUbn } from '../../../core/tw'
import type { Db } from '../../../db/client'
import { decodeCursor, encodeCursor, pageOf } from '../../lib/paging'
import {
  appointmentsOf,
  endAppointmentRow,
  findActiveAppointmentRow,
  findBroker,
  findFirm,
  insertAppointment,
  licencesOf,
  setBrokerDisqualified,
} from './broker-records.repo'
import { countAppointments, countBrokers, countFirms, listAppointments, listBrokers, listFirms, type After } from './broker-records.list'

/**
 * The broker records are national data: every staff role reads every office's records, so nothing here is
 * office-scoped; the lists filter by office only when asked to.
 */

/** A cursor of the records' lists: the last row's sort value and key (a UBN or code, or an appointment's id). */
function decodeRecordsCursor<K extends 'string' | 'number'>(cursor: string | undefined, keyType: K): { value: string; key: K extends 'number' ? number : string } | undefined {
  const at = decodeCursor(cursor, keyType)
  return at && { value: at.key, key: at.id as K extends 'number' ? number : string }
}

export function searchFirms(opts: { db: Db; query: z.output<typeof firmListQuery> }): FirmPage {
  const { db, query } = opts
  const after: After | undefined = decodeRecordsCursor(query.cursor, 'string')
  const firms = listFirms(db, { ...query, after, limit: query.limit + 1 })
  const result = pageOf(firms, query.limit, (last) => encodeCursor(last[query.sort] ?? '', last.ubn))
  const licences = licencesOf(db, result.items.map((f) => f.ubn))
  return {
    items: result.items.map((f) => ({ ...f, licences: licences.get(f.ubn) ?? [] })),
    nextCursor: result.nextCursor,
    ...(query.cursor ? {} : { total: countFirms(db, query) }),
  }
}

export function getFirm(opts: { db: Db; ubn: string }): FirmDetail {
  const record = findFirmRecord(opts.db, opts.ubn)
  if (!record) throw new AppError('NOT_FOUND')
  return { ...record, appointments: appointmentsOf(opts.db, { firmUbn: record.ubn }) }
}

export function searchBrokers(opts: { db: Db; query: z.output<typeof brokerListQuery> }): BrokerPage {
  const { db, query } = opts
  const personId = query.q ? normalizePersonId(query.q) : undefined
  const filter = { ...query, personId: personId && isValidPersonId(personId) ? personId : undefined }
  const rows = listBrokers(db, { ...filter, after: decodeRecordsCursor(query.cursor, 'string'), limit: query.limit + 1 })
  const result = pageOf(rows, query.limit, (last) => encodeCursor(last[query.sort], last.code))
  const active = appointmentsOf(db, { brokerCode: result.items.map((b) => b.code), activeOnly: true })
  const items = result.items.map(({ nationalId, ...broker }) => ({
    ...broker,
    nationalIdMasked: maskPersonId(nationalId),
    currentFirms: active.filter((a) => a.brokerCode === broker.code).map((a) => ({ ubn: a.firmUbn, name: a.firmName })),
  }))
  return { items, nextCursor: result.nextCursor, ...(query.cursor ? {} : { total: countBrokers(db, filter) }) }
}

export function getBroker(opts: { db: Db; code: string }): BrokerDetail {
  const broker = findBroker(opts.db, opts.code)
  if (!broker) throw new AppError('NOT_FOUND')
  return { ...broker, appointments: appointmentsOf(opts.db, { brokerCode: broker.code }) }
}

export function searchAppointments(opts: { db: Db; query: z.output<typeof appointmentListQuery> }): AppointmentPage {
  const { db, query } = opts
  const rows = listAppointments(db, { ...query, after: decodeRecordsCursor(query.cursor, 'number'), limit: query.limit + 1 })
  return { ...pageOf(rows, query.limit, (last) => encodeCursor(last.fromDate, last.id)), ...(query.cursor ? {} : { total: countAppointments(db, query) }) }
}

/*
 * Record lookups for other modules (the applications review compares an application with the records).
 * Synchronous, so a caller can run them inside its own transaction; they take a db or a transaction, accept
 * input in any width or case (normalised here), and return null when there is no such record.
 */

/** The firm with the UBN, with all its licences (any status), or null. */
export function findFirmRecord(db: Db, ubn: string): FirmRecord | null {
  const firm = findFirm(db, normalizeUbn(ubn))
  if (!firm) return null
  return { ...firm, licences: licencesOf(db, [firm.ubn]).get(firm.ubn) ?? [] }
}

/** The broker with the code, ID number in full, with the appointments active now (usually one), or null. */
export function findBrokerRecord(db: Db, code: string): BrokerRecord | null {
  const broker = findBroker(db, normalizeBrokerCode(code))
  if (!broker) return null
  return { ...broker, activeAppointments: appointmentsOf(db, { brokerCode: broker.code, activeOnly: true }) }
}

/** The broker's active appointment (委任) to the firm, or null when the broker does not work for it now. */
export function findActiveAppointment(db: Db, brokerCode: string, ubn: string): Appointment | null {
  return findActiveAppointmentRow(db, normalizeBrokerCode(brokerCode), normalizeUbn(ubn))
}

/*
 * Record changes for the reassignments module (專責報關人員異動). Synchronous and taking a transaction, so that
 * the change, the caller's own rows and its audit row commit together; the caller writes the audit row.
 */

/** Ends an active appointment (委任關係終止) on `toDate`; false when it had already ended. */
export function endAppointment(tx: Db, id: number, toDate: string): boolean {
  return endAppointmentRow(tx, id, toDate)
}

/** Records a new appointment of the broker to the firm from `fromDate`; returns its id. */
export function startAppointment(tx: Db, row: { brokerCode: string; firmUbn: string; fromDate: string }): number {
  return insertAppointment(tx, { brokerCode: normalizeBrokerCode(row.brokerCode), firmUbn: normalizeUbn(row.firmUbn), fromDate: row.fromDate })
}

/** Marks the broker as disqualified (喪失資格) from `on`. */
export function disqualifyBroker(tx: Db, code: string, on: string): boolean {
  return setBrokerDisqualified(tx, normalizeBrokerCode(code), on)
}
