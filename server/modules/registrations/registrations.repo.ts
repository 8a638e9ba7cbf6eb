import { and, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { portalAccounts, portalCards, registrations } from '../../../db/schema'

export type RegistrationRecord = typeof registrations.$inferSelect
export type NewRegistration = typeof registrations.$inferInsert
type CertificateStatus = RegistrationRecord['certificateStatus']

/** What the rules need of the signed-in account beyond the session: its own ID number. */
export function findAccountIdentity(db: Db, accountRef: number): { category: string; idNumber: string | null; ubn: string | null } | null {
  return db.select({ category: portalAccounts.category, idNumber: portalAccounts.idNumber, ubn: portalAccounts.ubn }).from(portalAccounts).where(eq(portalAccounts.id, accountRef)).get() ?? null
}

export function findActiveDuplicate(db: Db, fingerprint: string, ubn: string): RegistrationRecord | null {
  return db.select().from(registrations).where(and(eq(registrations.fingerprint, fingerprint), eq(registrations.ubn, ubn), eq(registrations.status, 'active'))).get() ?? null
}

export function insertRegistration(db: Db, row: NewRegistration): number {
  return db.insert(registrations).values(row).returning({ id: registrations.id }).get().id
}

export function findRegistration(db: Db, id: number): RegistrationRecord | null {
  return db.select().from(registrations).where(eq(registrations.id, id)).get() ?? null
}

export function markDeleted(db: Db, id: number, v: { deletedAt: string; deletedBy: string; deletedReason?: string | null }): boolean {
  return db.update(registrations).set({ status: 'deleted', ...v }).where(and(eq(registrations.id, id), eq(registrations.status, 'active'))).run().changes === 1
}

/** A broker's active signing registrations (for one firm, or for every firm). */
export function activeOfBroker(db: Db, brokerCode: string, ubn?: string): RegistrationRecord[] {
  return db
    .select()
    .from(registrations)
    .where(and(eq(registrations.brokerCode, brokerCode), eq(registrations.status, 'active'), ubn ? eq(registrations.ubn, ubn) : undefined))
    .orderBy(registrations.id)
    .all()
}

/** The active registrations of one certificate for firms other than this one. */
export function activeElsewhere(db: Db, fingerprint: string, ubn: string): RegistrationRecord[] {
  return db.select().from(registrations).where(and(eq(registrations.fingerprint, fingerprint), ne(registrations.ubn, ubn), eq(registrations.status, 'active'))).all()
}

/** Every registration of a broker's certificates, active or deleted, oldest first. */
export function historyOfBroker(db: Db, brokerCode: string): RegistrationRecord[] {
  return db.select().from(registrations).where(eq(registrations.brokerCode, brokerCode)).orderBy(registrations.id).all()
}

/** Marks every registration of the given serials (any spelling) among the given kinds; returns how many changed. */
export function setCertificateStatusOf(db: Db, serials: string[], kinds: RegistrationRecord['certificateKind'][], status: CertificateStatus): number {
  return db.update(registrations).set({ certificateStatus: status }).where(and(inArray(registrations.serialHex, serials), inArray(registrations.certificateKind, kinds))).run().changes
}

/**
 * Which rows a query may return: the user's rights (`rights`, any of them) and the search box (`search`,
 * any of them), each a set of alternatives; both apply.
 */
export interface RowFilter {
  rights: { ubn?: string; accountRef?: number; brokerCodes?: string[]; idNumber?: string }
  search?: { accountId?: string; ubn?: string; idNumbers?: string[]; brokerCode?: string }
}

/** Alternatives joined with OR; none at all matches nothing (a filter that names no right grants none). */
const anyOf = (parts: (SQL | undefined)[]) => or(...parts) ?? sql`false`

/**
 * Active signing registrations, with the account that registered each. Each right is an index of its own
 * (UBN, account, broker code, broker's ID number), so SQLite reads only the rows within the rights (MULTI-INDEX
 * OR); the search box tests those (decision 0016).
 */
export function signingQuery(db: Db, f: RowFilter) {
  const r = f.rights
  const s = f.search
  const rights = anyOf([
    r.ubn ? eq(registrations.ubn, r.ubn) : undefined,
    r.accountRef ? eq(registrations.accountRef, r.accountRef) : undefined,
    r.brokerCodes?.length ? inArray(registrations.brokerCode, r.brokerCodes) : undefined,
    r.idNumber ? eq(registrations.brokerIdNumber, r.idNumber) : undefined,
  ])
  const search = s
    ? anyOf([
        s.accountId ? eq(portalAccounts.accountId, s.accountId) : undefined,
        s.ubn ? eq(registrations.ubn, s.ubn) : undefined,
        s.idNumbers?.length ? or(inArray(registrations.brokerIdNumber, s.idNumbers), inArray(portalAccounts.idNumber, s.idNumbers)) : undefined,
        s.brokerCode ? eq(registrations.brokerCode, s.brokerCode) : undefined,
      ])
    : undefined
  return db
    .select({ registration: registrations, accountId: portalAccounts.accountId })
    .from(registrations)
    .innerJoin(portalAccounts, eq(portalAccounts.id, registrations.accountRef))
    .where(and(sql`+${registrations.status} = 'active'`, rights, search))
}

export const listSigning = (db: Db, f: RowFilter) => signingQuery(db, f).all()

/**
 * Sign-in cards (登入用憑證) of the accounts within the rights and the search. Both rights name cards by their
 * account (a company's accounts by UBN, or the user's own), so portal_cards_account_idx answers them.
 */
export function loginCardsQuery(db: Db, f: RowFilter) {
  const r = f.rights
  const s = f.search
  const companyAccounts = (ubn: string) => db.select({ id: portalAccounts.id }).from(portalAccounts).where(and(eq(portalAccounts.ubn, ubn), eq(portalAccounts.category, 'company')))
  const rights = anyOf([r.ubn ? inArray(portalCards.accountRef, companyAccounts(r.ubn)) : undefined, r.accountRef ? eq(portalCards.accountRef, r.accountRef) : undefined])
  const search = s
    ? anyOf([
        s.accountId ? eq(portalAccounts.accountId, s.accountId) : undefined,
        s.ubn ? eq(portalAccounts.ubn, s.ubn) : undefined,
        s.idNumbers?.length ? inArray(portalAccounts.idNumber, s.idNumbers) : undefined,
      ])
    : undefined
  return db
    .select({ card: portalCards, accountId: portalAccounts.accountId, ubn: portalAccounts.ubn })
    .from(portalCards)
    .innerJoin(portalAccounts, eq(portalAccounts.id, portalCards.accountRef))
    .where(and(rights, search))
}

export const listLoginCards = (db: Db, f: RowFilter) => loginCardsQuery(db, f).all()
