import { eq, sql } from 'drizzle-orm'
import type { PortalUser } from '../../core/contracts/portal'
import type { Db } from '../../db/client'
import { portalAccounts, portalSessions } from '../../db/schema'
import { hashToken, newToken } from './sessions'

export interface StoredPortalSession {
  id: string
  accountRef: number
  method: 'card' | 'password'
  csrfToken: string
  createdAt: string
  lastSeenAt: string
}

const userColumns = {
  id: portalAccounts.id,
  accountId: portalAccounts.accountId,
  category: portalAccounts.category,
  attribute: portalAccounts.attribute,
  contactName: portalAccounts.contactName,
  ubn: portalAccounts.ubn,
  companyName: portalAccounts.companyName,
  mustChangePassword: portalAccounts.mustChangePassword,
  hasPassword: sql<number>`${portalAccounts.passwordHash} is not null`,
  status: portalAccounts.status,
}

type UserRow = { [K in keyof typeof userColumns]: unknown }

function toPortalUser(row: UserRow): PortalUser | null {
  if (row.status !== 'active') return null
  const category = row.category as PortalUser['category']
  return {
    id: row.id as number,
    accountId: row.accountId as string,
    category,
    attribute: row.attribute as string,
    name: category === 'company' ? ((row.companyName as string | null) ?? (row.contactName as string)) : (row.contactName as string),
    ubn: row.ubn as string | null,
    companyName: row.companyName as string | null,
    mustChangePassword: Boolean(row.mustChangePassword),
    hasPassword: Boolean(row.hasPassword),
  }
}

export function findPortalUser(db: Db, accountRef: number): PortalUser | null {
  const row = db.select(userColumns).from(portalAccounts).where(eq(portalAccounts.id, accountRef)).get()
  return row ? toPortalUser(row) : null
}

function prepareLookup(db: Db) {
  return db
    .select({ ...userColumns, sessionId: portalSessions.id, accountRef: portalSessions.accountRef, method: portalSessions.method, csrfToken: portalSessions.csrfToken, createdAt: portalSessions.createdAt, lastSeenAt: portalSessions.lastSeenAt })
    .from(portalSessions)
    .innerJoin(portalAccounts, eq(portalAccounts.id, portalSessions.accountRef))
    .where(eq(portalSessions.id, sql.placeholder('id')))
    .prepare()
}
const lookups = new WeakMap<Db, ReturnType<typeof prepareLookup>>()

/** The portal session behind a cookie token, with its account (null when the account is disabled since). */
export function findPortalSession(db: Db, token: string): (StoredPortalSession & { user: PortalUser | null }) | null {
  let lookup = lookups.get(db)
  if (!lookup) lookups.set(db, (lookup = prepareLookup(db)))
  const row = lookup.get({ id: hashToken(token) })
  if (!row) return null
  return { id: row.sessionId, accountRef: row.accountRef, method: row.method, csrfToken: row.csrfToken, createdAt: row.createdAt, lastSeenAt: row.lastSeenAt, user: toPortalUser(row) }
}

export function createPortalSession(
  db: Db,
  input: { accountRef: number; method: 'card' | 'password'; now: Date; ip: string | null; userAgent: string | null },
): { token: string; session: StoredPortalSession } {
  const token = newToken()
  const at = input.now.toISOString()
  const session = { id: hashToken(token), accountRef: input.accountRef, method: input.method, csrfToken: newToken(), createdAt: at, lastSeenAt: at }
  db.insert(portalSessions).values({ ...session, ip: input.ip, userAgent: input.userAgent?.slice(0, 300) ?? null }).run()
  return { token, session }
}

export function touchPortalSession(db: Db, id: string, now: Date): void {
  db.update(portalSessions).set({ lastSeenAt: now.toISOString() }).where(eq(portalSessions.id, id)).run()
}

export function deletePortalSession(db: Db, id: string): void {
  db.delete(portalSessions).where(eq(portalSessions.id, id)).run()
}

/** Ends every session of an account: after a password change or reset, or when the account is disabled. */
export function deletePortalSessionsOf(db: Db, accountRef: number): void {
  db.delete(portalSessions).where(eq(portalSessions.accountRef, accountRef)).run()
}
