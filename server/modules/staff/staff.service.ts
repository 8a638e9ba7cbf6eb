import type { SessionUser } from '../../../core/contracts/auth'
import type { z } from 'zod'
import type { createStaffRequest, Staff, staffListQuery, StaffPage, StaffWithPassword, updateStaffRequest } from '../../../core/contracts/staff'
import { AppError } from '../../../core/errors'
import { inTransaction, type Db } from '../../../db/client'
import type { Env } from '../../env'
import { recordAudit, type AuditContext } from '../../lib/audit'
import { generateTemporaryPassword, hashPassword } from '../../lib/password'
import { deleteSessionsOf } from '../../lib/session-store'
import { officeScope } from '../../lib/sql'
import { findStaff, insertStaff, listStaff, replaceRoles, updateStaffAt, usernameExists } from './staff.repo'

/** What an audit row keeps of an account: never the password hash. */
function summary(s: Staff) {
  return { username: s.username, displayName: s.displayName, email: s.email, officeCode: s.officeCode, roles: s.roles, status: s.status }
}

/** Loads an account the acting admin may manage: other offices' accounts do not exist for an office admin. */
function managedStaff(db: Db, actor: SessionUser, id: number): Staff {
  const found = findStaff(db, id)
  const scope = officeScope(actor.officeCode)
  if (!found || (scope && found.officeCode !== scope)) throw new AppError('NOT_FOUND')
  return found
}

function assertOfficeAllowed(actor: SessionUser, officeCode: string): void {
  const scope = officeScope(actor.officeCode)
  if (scope && officeCode !== scope) throw new AppError('FORBIDDEN', { fieldErrors: { officeCode: 'unknownOffice' } })
}

export function searchStaff(opts: { db: Db; actor: SessionUser; query: z.output<typeof staffListQuery> }): StaffPage {
  const { items, total } = listStaff(opts.db, { ...opts.query, scope: officeScope(opts.actor.officeCode) })
  return { items, total, page: opts.query.page, pageSize: opts.query.pageSize }
}

export function getStaff(opts: { db: Db; actor: SessionUser; id: number }): Staff {
  return managedStaff(opts.db, opts.actor, opts.id)
}

export async function createStaff(opts: { db: Db; env: Env; actor: SessionUser; input: z.output<typeof createStaffRequest>; ctx: AuditContext }): Promise<StaffWithPassword> {
  const { db, input, ctx } = opts
  assertOfficeAllowed(opts.actor, input.officeCode)
  const temporaryPassword = generateTemporaryPassword()
  const passwordHash = await hashPassword(temporaryPassword, opts.env.PASSWORD_HASH_COST)
  const created = inTransaction(db, (tx) => {
    if (usernameExists(tx, input.username)) throw new AppError('VALIDATION_FAILED', { fieldErrors: { username: 'usernameTaken' } })
    const id = insertStaff(tx, { ...input, passwordHash, mustChangePassword: true, now: ctx.now.toISOString() })
    const staff = findStaff(tx, id)!
    recordAudit(tx, ctx, { action: 'staff.created', entity: 'staff', entityId: id, after: summary(staff) })
    return staff
  })
  return { staff: created, temporaryPassword }
}

/** Applies one versioned change to an account with its audit row; a stale version is a 409. */
function changeStaff(db: Db, actor: SessionUser, id: number, version: number, ctx: AuditContext, action: string, apply: (tx: Db, before: Staff) => void): Staff {
  return inTransaction(db, (tx) => {
    const before = managedStaff(tx, actor, id)
    if (before.version !== version) throw new AppError('VERSION_CONFLICT')
    apply(tx, before)
    const after = findStaff(tx, id)!
    recordAudit(tx, ctx, { action, entity: 'staff', entityId: id, before: summary(before), after: summary(after) })
    return after
  })
}

function guardSelf(actor: SessionUser, id: number, field: string): void {
  if (actor.id === id) {
    throw new AppError('CONFLICT', {
      message: { 'zh-TW': '不能對自己的帳號執行此操作', en: 'You cannot do this to your own account' },
      fieldErrors: { [field]: { 'zh-TW': '不能對自己的帳號執行此操作', en: 'You cannot do this to your own account' } },
    })
  }
}

export function updateStaff(opts: { db: Db; actor: SessionUser; id: number; input: z.output<typeof updateStaffRequest>; ctx: AuditContext }): Staff {
  const { actor, id, input } = opts
  assertOfficeAllowed(actor, input.officeCode)
  if (actor.id === id && !input.roles.includes('admin')) guardSelf(actor, id, 'roles')
  return changeStaff(opts.db, actor, id, input.version, opts.ctx, 'staff.updated', (tx) => {
    const ok = updateStaffAt(tx, id, input.version, { displayName: input.displayName, email: input.email, officeCode: input.officeCode, updatedAt: opts.ctx.now.toISOString() })
    if (!ok) throw new AppError('VERSION_CONFLICT')
    replaceRoles(tx, id, input.roles)
  })
}

export function setStaffStatus(opts: { db: Db; actor: SessionUser; id: number; version: number; status: 'active' | 'disabled'; ctx: AuditContext }): Staff {
  if (opts.status === 'disabled') guardSelf(opts.actor, opts.id, 'status')
  return changeStaff(opts.db, opts.actor, opts.id, opts.version, opts.ctx, opts.status === 'disabled' ? 'staff.disabled' : 'staff.enabled', (tx) => {
    if (!updateStaffAt(tx, opts.id, opts.version, { status: opts.status, updatedAt: opts.ctx.now.toISOString() })) throw new AppError('VERSION_CONFLICT')
    if (opts.status === 'disabled') deleteSessionsOf(tx, opts.id)
  })
}

export function unlockStaff(opts: { db: Db; actor: SessionUser; id: number; version: number; ctx: AuditContext }): Staff {
  return changeStaff(opts.db, opts.actor, opts.id, opts.version, opts.ctx, 'staff.unlocked', (tx) => {
    if (!updateStaffAt(tx, opts.id, opts.version, { failedAttempts: 0, lockedUntil: null, updatedAt: opts.ctx.now.toISOString() })) throw new AppError('VERSION_CONFLICT')
  })
}

/** Sets a generated temporary password, which must be changed at the next sign-in; open sessions end. */
export async function resetStaffPassword(opts: { db: Db; env: Env; actor: SessionUser; id: number; version: number; ctx: AuditContext }): Promise<StaffWithPassword> {
  guardSelf(opts.actor, opts.id, 'password')
  const temporaryPassword = generateTemporaryPassword()
  const passwordHash = await hashPassword(temporaryPassword, opts.env.PASSWORD_HASH_COST)
  const staff = changeStaff(opts.db, opts.actor, opts.id, opts.version, opts.ctx, 'staff.password_reset', (tx) => {
    const ok = updateStaffAt(tx, opts.id, opts.version, { passwordHash, mustChangePassword: true, failedAttempts: 0, lockedUntil: null, updatedAt: opts.ctx.now.toISOString() })
    if (!ok) throw new AppError('VERSION_CONFLICT')
    deleteSessionsOf(tx, opts.id)
  })
  return { staff, temporaryPassword }
}
