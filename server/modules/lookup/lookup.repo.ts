import { and, desc, eq, inArray, sql } from 'drizzle-orm'
import type { LookupAccount, LookupApplication, LookupAppointment, LookupCertificateRow, LookupFeeSlip } from '../../../core/contracts/lookup'
import type { Db } from '../../../db/client'
import { applications, appointments, brokers, certificates, feeSlips, firms, portalAccounts, portalCards, registrations } from '../../../db/schema'

/** Read-only queries across the workflows' tables: the lookup is a view over them, it changes nothing. */
type Who = { ubn: string } | { brokerCode: string }
const LIMIT = 100

export const firmByUbn = (db: Db, ubn: string) => db.select().from(firms).where(eq(firms.ubn, ubn)).get() ?? null
export const brokerByCode = (db: Db, code: string) => db.select().from(brokers).where(eq(brokers.code, code)).get() ?? null
export const brokerByNationalId = (db: Db, id: string) => db.select().from(brokers).where(eq(brokers.nationalId, id)).get() ?? null
export const accountById = (db: Db, id: number) => db.select().from(portalAccounts).where(eq(portalAccounts.id, id)).get() ?? null
export const accountByAccountId = (db: Db, accountId: string) => db.select().from(portalAccounts).where(eq(portalAccounts.accountId, accountId)).get() ?? null
/** A person's account by ID number: only individuals carry one, and their partial index holds them. */
const individualWith = (idNumber: string) => and(eq(portalAccounts.idNumber, idNumber), eq(portalAccounts.category, 'individual'))
export const accountByIdNumber = (db: Db, idNumber: string) => db.select().from(portalAccounts).where(individualWith(idNumber)).get() ?? null
export const applicationByNo = (db: Db, no: string) => db.select({ ubn: applications.ubn, companyName: applications.companyName }).from(applications).where(eq(applications.applicationNo, no)).get() ?? null
export const slipByNo = (db: Db, no: string) => db.select({ ubn: feeSlips.payerUbn, name: feeSlips.payerName }).from(feeSlips).where(eq(feeSlips.slipNo, no)).get() ?? null
export const certificateBySerials = (db: Db, spellings: string[]) => db.select({ ubn: certificates.ubn, brokerCode: certificates.brokerCode, subjectDn: certificates.subjectDn }).from(certificates).where(inArray(certificates.serialHex, spellings)).get() ?? null

export function accountsOf(db: Db, where: { ubn: string } | { idNumber: string } | { id: number }): LookupAccount[] {
  const cond = 'ubn' in where ? eq(portalAccounts.ubn, where.ubn) : 'idNumber' in where ? individualWith(where.idNumber) : eq(portalAccounts.id, where.id)
  return db
    .select({ id: portalAccounts.id, accountId: portalAccounts.accountId, category: portalAccounts.category, name: sql<string>`coalesce(${portalAccounts.companyName}, ${portalAccounts.contactName})`, email: portalAccounts.email, migrated: portalAccounts.migrated, hasPassword: sql<boolean>`${portalAccounts.passwordHash} is not null`, lastLoginAt: portalAccounts.lastLoginAt })
    .from(portalAccounts)
    .where(cond)
    .all()
    .map((a) => ({ ...a, hasPassword: Boolean(a.hasPassword) }))
}

/** Login cards of the accounts, then signing registrations and the RA's own certificates of the firm or broker. */
export function certificateRowsOf(db: Db, accountRefs: number[], who: Who | null): LookupCertificateRow[] {
  const cards = accountRefs.length
    ? db.select().from(portalCards).where(inArray(portalCards.accountRef, accountRefs)).all().map((c): LookupCertificateRow => ({ form: 'ic', kind: c.kind, use: 'login', serialHex: c.serialHex, subject: c.subjectDn, notBefore: c.notBefore, notAfter: c.notAfter, state: 'bound' }))
    : []
  if (!who) return cards
  const regWhere = 'ubn' in who ? eq(registrations.ubn, who.ubn) : eq(registrations.brokerCode, who.brokerCode)
  const regs = db.select().from(registrations).where(and(regWhere, eq(registrations.status, 'active'))).limit(LIMIT).all().map((r): LookupCertificateRow => ({ form: r.form, kind: r.certificateKind, use: 'signing', serialHex: r.serialHex, subject: r.subjectDn, notBefore: r.notBefore, notAfter: r.notAfter, state: r.certificateStatus }))
  const certWhere = 'ubn' in who ? eq(certificates.ubn, who.ubn) : eq(certificates.brokerCode, who.brokerCode)
  const issued = db.select().from(certificates).where(certWhere).orderBy(desc(certificates.notAfter)).limit(LIMIT).all().map((c): LookupCertificateRow => ({ form: 'file', kind: `customs-${c.kind}`, use: 'signing', serialHex: c.serialHex, subject: c.subjectDn, notBefore: c.notBefore, notAfter: c.notAfter, state: c.status }))
  const registered = new Set(regs.map((r) => r.serialHex))
  // an issued certificate that is also registered shows once, as its registration
  return [...cards, ...regs, ...issued.filter((c) => !registered.has(c.serialHex))]
}

/** The latest received first, as the queue orders them: (ubn | broker_code, received_at) in index order. */
export function applicationsOf(db: Db, who: Who): LookupApplication[] {
  const cond = 'ubn' in who ? eq(applications.ubn, who.ubn) : eq(applications.brokerCode, who.brokerCode)
  return db
    .select({ id: applications.id, applicationNo: applications.applicationNo, service: applications.service, status: applications.status, createdAt: applications.createdAt })
    .from(applications)
    .where(cond)
    .orderBy(desc(applications.receivedAt), desc(applications.id))
    .limit(LIMIT)
    .all()
}

export function feeSlipsOf(db: Db, who: Who): LookupFeeSlip[] {
  const cond = 'ubn' in who ? eq(feeSlips.payerUbn, who.ubn) : eq(applications.brokerCode, who.brokerCode)
  return db
    .select({ slipNo: feeSlips.slipNo, applicationNo: applications.applicationNo, amount: feeSlips.amount, status: feeSlips.status, dueOn: feeSlips.dueOn })
    .from(feeSlips)
    .innerJoin(applications, eq(applications.id, feeSlips.applicationId))
    .where(cond)
    .orderBy(desc(feeSlips.id))
    .limit(LIMIT)
    .all()
}

export function appointmentsOf(db: Db, who: Who): LookupAppointment[] {
  const cond = 'ubn' in who ? eq(appointments.firmUbn, who.ubn) : eq(appointments.brokerCode, who.brokerCode)
  return db
    .select({ brokerCode: appointments.brokerCode, brokerName: brokers.name, ubn: appointments.firmUbn, firmName: firms.name, fromDate: appointments.fromDate, toDate: appointments.toDate, status: appointments.status })
    .from(appointments)
    .innerJoin(brokers, eq(brokers.code, appointments.brokerCode))
    .innerJoin(firms, eq(firms.ubn, appointments.firmUbn))
    .where(cond)
    .orderBy(desc(appointments.fromDate))
    .limit(LIMIT)
    .all()
}
