import { and, eq } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { portalAccounts, portalCards } from '../../../db/schema'

export type NewPortalAccount = typeof portalAccounts.$inferInsert
export type NewPortalCard = Omit<typeof portalCards.$inferInsert, 'accountRef'>

export function findCardOwner(db: Db, fingerprint: string): { accountRef: number } | null {
  return db.select({ accountRef: portalCards.accountRef }).from(portalCards).where(eq(portalCards.fingerprint, fingerprint)).get() ?? null
}

export function accountIdTaken(db: Db, accountId: string): boolean {
  return db.select({ id: portalAccounts.id }).from(portalAccounts).where(eq(portalAccounts.accountId, accountId)).get() !== undefined
}

export function personRegistered(db: Db, idNumber: string): boolean {
  return (
    db
      .select({ id: portalAccounts.id })
      .from(portalAccounts)
      .where(and(eq(portalAccounts.category, 'individual'), eq(portalAccounts.idNumber, idNumber)))
      .get() !== undefined
  )
}

export function insertCard(db: Db, accountRef: number, card: NewPortalCard): void {
  db.insert(portalCards).values({ ...card, accountRef }).run()
}

export function insertAccountWithCard(db: Db, account: NewPortalAccount, card: NewPortalCard): number {
  const { id } = db.insert(portalAccounts).values(account).returning({ id: portalAccounts.id }).get()
  insertCard(db, id, card)
  return id
}

/** The e-mail addresses of a firm's active company accounts, oldest account first. */
export function companyEmails(db: Db, ubn: string): string[] {
  return db
    .select({ email: portalAccounts.email })
    .from(portalAccounts)
    .where(and(eq(portalAccounts.category, 'company'), eq(portalAccounts.ubn, ubn), eq(portalAccounts.status, 'active')))
    .orderBy(portalAccounts.id)
    .all()
    .map((r) => r.email)
}
