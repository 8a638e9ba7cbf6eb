import { and, asc, desc, eq, exists, or, sql, type SQL } from 'drizzle-orm'
import type { z } from 'zod'
import type { Staff, staffListQuery } from '../../../core/contracts/staff'
import type { OfficeCode } from '../../../core/contracts/offices'
import type { Role } from '../../../core/contracts/roles'
import type { Db } from '../../../db/client'
import { staff, staffRoles } from '../../../db/schema'
import { containsPattern } from '../../lib/sql'

// string_agg, not group_concat: both SQLite (3.44+) and PostgreSQL have it
const rolesColumn = sql<string | null>`(select string_agg(${staffRoles.role}, ',') from ${staffRoles} where ${staffRoles.staffId} = ${staff.id})`

const columns = {
  id: staff.id,
  username: staff.username,
  displayName: staff.displayName,
  email: staff.email,
  officeCode: staff.officeCode,
  status: staff.status,
  lockedUntil: staff.lockedUntil,
  mustChangePassword: staff.mustChangePassword,
  lastLoginAt: staff.lastLoginAt,
  createdAt: staff.createdAt,
  version: staff.version,
  roles: rolesColumn,
}

type Row = { [K in keyof typeof columns]: K extends 'roles' ? string | null : (typeof staff.$inferSelect)[K & keyof typeof staff.$inferSelect] }

function toStaff(row: Row): Staff {
  return { ...row, officeCode: row.officeCode as OfficeCode, roles: (row.roles ? row.roles.split(',') : []).sort() as Role[] }
}

export type StaffFilter = z.output<typeof staffListQuery> & { scope: string | null }

export function listStaff(db: Db, f: StaffFilter): { items: Staff[]; total: number } {
  const where: SQL[] = []
  const office = f.scope ?? f.officeCode
  if (office) where.push(eq(staff.officeCode, office))
  if (f.scope && f.officeCode && f.officeCode !== f.scope) where.push(sql`false`)
  if (f.status) where.push(eq(staff.status, f.status))
  if (f.role) where.push(exists(db.select({ one: sql`1` }).from(staffRoles).where(and(eq(staffRoles.staffId, staff.id), eq(staffRoles.role, f.role)))))
  if (f.q) {
    const p = containsPattern(f.q)
    where.push(or(sql`${staff.username} like ${p} escape '\\'`, sql`${staff.displayName} like ${p} escape '\\'`, sql`${staff.email} like ${p} escape '\\'`)!)
  }
  const condition = where.length ? and(...where) : undefined
  const sortColumn = staff[f.sort]
  const items = db
    .select(columns)
    .from(staff)
    .where(condition)
    .orderBy(f.order === 'desc' ? desc(sortColumn) : asc(sortColumn), asc(staff.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .all()
    .map(toStaff)
  const total = db.select({ n: sql<number>`count(*)` }).from(staff).where(condition).get()?.n ?? 0
  return { items, total }
}

export function findStaff(db: Db, id: number): Staff | null {
  const row = db.select(columns).from(staff).where(eq(staff.id, id)).get()
  return row ? toStaff(row) : null
}

export function usernameExists(db: Db, username: string): boolean {
  return db.select({ id: staff.id }).from(staff).where(eq(staff.username, username)).get() !== undefined
}

export function insertStaff(
  db: Db,
  v: { username: string; displayName: string; email: string | null; officeCode: string; roles: Role[]; passwordHash: string; mustChangePassword: boolean; now: string },
): number {
  const { id } = db
    .insert(staff)
    .values({ username: v.username, displayName: v.displayName, email: v.email, officeCode: v.officeCode, passwordHash: v.passwordHash, mustChangePassword: v.mustChangePassword, createdAt: v.now, updatedAt: v.now })
    .returning({ id: staff.id })
    .get()
  replaceRoles(db, id, v.roles)
  return id
}

export function replaceRoles(db: Db, staffId: number, roles: Role[]): void {
  db.delete(staffRoles).where(eq(staffRoles.staffId, staffId)).run()
  if (roles.length) db.insert(staffRoles).values(roles.map((role) => ({ staffId, role }))).run()
}

/** Updates the row only if it is still at `version`; false means someone else changed it first. */
export function updateStaffAt(db: Db, id: number, version: number, set: Partial<typeof staff.$inferInsert> & { updatedAt: string }): boolean {
  const res = db
    .update(staff)
    .set({ ...set, version: sql`${staff.version} + 1` })
    .where(and(eq(staff.id, id), eq(staff.version, version)))
    .run()
  return res.changes === 1
}
