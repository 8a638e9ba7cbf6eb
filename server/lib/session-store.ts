import { eq, sql } from 'drizzle-orm'
import type { SessionUser } from '../../core/contracts/auth'
import type { OfficeCode } from '../../core/contracts/offices'
import type { Role } from '../../core/contracts/roles'
import type { Db } from '../../db/client'
import { sessions, staff, staffRoles } from '../../db/schema'
import { hashToken, newToken } from './sessions'

export interface StoredSession {
  id: string
  staffId: number
  csrfToken: string
  createdAt: string
  lastSeenAt: string
}

export function rolesOf(db: Db, staffId: number): Role[] {
  return db
    .select({ role: staffRoles.role })
    .from(staffRoles)
    .where(eq(staffRoles.staffId, staffId))
    .all()
    .map((r) => r.role)
    .sort()
}

/** The user as a session sees them; null when the account does not exist or is disabled. */
export function findActiveSessionUser(db: Db, staffId: number): SessionUser | null {
  const row = db
    .select({
      id: staff.id,
      username: staff.username,
      displayName: staff.displayName,
      officeCode: staff.officeCode,
      status: staff.status,
      mustChangePassword: staff.mustChangePassword,
    })
    .from(staff)
    .where(eq(staff.id, staffId))
    .get()
  if (!row || row.status !== 'active') return null
  const { status: _status, ...user } = row
  return { ...user, officeCode: user.officeCode as OfficeCode, roles: rolesOf(db, staffId) }
}

function prepareSessionLookup(db: Db) {
  return db
    .select({
      id: sessions.id,
      staffId: sessions.staffId,
      csrfToken: sessions.csrfToken,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      username: staff.username,
      displayName: staff.displayName,
      officeCode: staff.officeCode,
      status: staff.status,
      mustChangePassword: staff.mustChangePassword,
      roles: sql<string | null>`(select string_agg(${staffRoles.role}, ',') from ${staffRoles} where ${staffRoles.staffId} = ${staff.id})`,
    })
    .from(sessions)
    .innerJoin(staff, eq(staff.id, sessions.staffId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare()
}
const sessionLookups = new WeakMap<Db, ReturnType<typeof prepareSessionLookup>>()

/**
 * The session behind a cookie token with its user, in one prepared query: this runs on every signed-in
 * request. `user` is null when the account has been disabled since.
 */
export function findSessionWithUser(db: Db, token: string): (StoredSession & { user: SessionUser | null }) | null {
  let lookup = sessionLookups.get(db)
  if (!lookup) sessionLookups.set(db, (lookup = prepareSessionLookup(db)))
  const row = lookup.get({ id: hashToken(token) })
  if (!row) return null
  const { username, displayName, officeCode, status, mustChangePassword, roles, ...session } = row
  const user: SessionUser | null =
    status === 'active'
      ? { id: row.staffId, username, displayName, officeCode: officeCode as OfficeCode, mustChangePassword, roles: (roles ? roles.split(',') : []).sort() as Role[] }
      : null
  return { ...session, user }
}

/** Creates a session and returns the cookie token (only its hash is stored). */
export function createSession(
  db: Db,
  input: { staffId: number; now: Date; ip: string | null; userAgent: string | null },
): { token: string; session: StoredSession } {
  const token = newToken()
  const at = input.now.toISOString()
  const session = { id: hashToken(token), staffId: input.staffId, csrfToken: newToken(), createdAt: at, lastSeenAt: at }
  db.insert(sessions)
    .values({ ...session, ip: input.ip, userAgent: input.userAgent?.slice(0, 300) ?? null })
    .run()
  return { token, session }
}

export function touchSession(db: Db, id: string, now: Date): void {
  db.update(sessions).set({ lastSeenAt: now.toISOString() }).where(eq(sessions.id, id)).run()
}

export function deleteSession(db: Db, id: string): void {
  db.delete(sessions).where(eq(sessions.id, id)).run()
}

/** Ends every session of a staff member: after a password change, a reset or disabling the account. */
export function deleteSessionsOf(db: Db, staffId: number): void {
  db.delete(sessions).where(eq(sessions.staffId, staffId)).run()
}
