import { createHash, randomBytes, randomInt } from 'node:crypto'
import type { SessionUser } from '../../../core/contracts/auth'
import type { z } from 'zod'
import { RESET_LINK_HOURS, type Checklist, type EmailChangeInfo, type EmailChangePage, type emailChangeListQuery, type HelpdeskAccount } from '../../../core/contracts/helpdesk'
import { AppError } from '../../../core/errors'
import { maskPersonId, parseRocDate } from '../../../core/tw'
import { inTransaction } from '../../../db/client'
import { recordAudit, type AuditContext } from '../../lib/audit'
import type { AppDeps } from '../../lib/context'
import { queueMail } from '../../lib/mail/outbox'
import { decodeIdCursor, pageOf } from '../../lib/paging'
import { hashPassword } from '../../lib/password'
import { deletePortalSessionsOf } from '../../lib/portal-session-store'
import { hitRateLimit } from '../../lib/rate-limit'
import { cardsOf, countEmailChanges, decideEmailChange, emailChangeInfo, findAccount, findEmailChange, findReset, insertEmailChange, insertReset, listEmailChanges, searchAccounts, spendReset, updateAccount, type AccountRow } from './helpdesk.repo'

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')
const squash = (v: string) => v.normalize('NFC').replace(/\s+/g, '')
/** A birth date as typed on the phone: 1980-05-17, or ROC style 69/05/17 or 0690517. */
const isoBirthDate = (v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? v : parseRocDate(v))

function toHelpdeskAccount(deps: AppDeps, row: AccountRow): HelpdeskAccount {
  return {
    id: row.id, accountId: row.accountId, category: row.category, name: row.companyName ?? row.contactName, maskedIdNumber: row.idNumber ? maskPersonId(row.idNumber) : null,
    ubn: row.ubn, email: row.email, migrated: row.migrated, hasPassword: row.passwordHash !== null, mustChangePassword: row.mustChangePassword, lockedUntil: row.lockedUntil,
    status: row.status, cards: cardsOf(deps.db, row.id), createdAt: row.createdAt,
  }
}

export function searchHelpdeskAccounts(opts: { deps: AppDeps; q?: string }): HelpdeskAccount[] {
  return opts.q ? searchAccounts(opts.deps.db, opts.q).map((r) => toHelpdeskAccount(opts.deps, r)) : []
}

function accountOr404(deps: AppDeps, id: number): AccountRow {
  const row = findAccount(deps.db, id)
  if (!row) throw new AppError('NOT_FOUND')
  return row
}

export function getHelpdeskAccount(opts: { deps: AppDeps; id: number }): HelpdeskAccount {
  return toHelpdeskAccount(opts.deps, accountOr404(opts.deps, opts.id))
}

/** The caller check: every item must match the account; a failure is audited and names the items. */
function verifyCaller(deps: AppDeps, row: AccountRow, checklist: Checklist, ctx: AuditContext, action: string): void {
  const failed: Record<string, { 'zh-TW': string; en: string }> = {}
  const id = row.category === 'company' ? row.ubn : row.idNumber
  if (!id || checklist.idOrUbn !== id.toUpperCase()) failed.idOrUbn = { 'zh-TW': '身分證字號或統一編號不符', en: 'The ID number or UBN does not match' }
  const second = row.category === 'company' ? squash(checklist.birthDateOrRepresentative) === squash(row.representative ?? '\u0000') : isoBirthDate(checklist.birthDateOrRepresentative) === row.birthDate
  if (!second) failed.birthDateOrRepresentative = row.category === 'company' ? { 'zh-TW': '負責人姓名不符', en: 'The representative does not match' } : { 'zh-TW': '出生日期不符', en: 'The birth date does not match' }
  if (checklist.email !== row.email.toLowerCase()) failed.email = { 'zh-TW': '註冊電子郵件不符', en: 'The registered e-mail does not match' }
  if (Object.keys(failed).length === 0) return
  inTransaction(deps.db, (tx) => recordAudit(tx, ctx, { action: 'helpdesk.check_failed', entity: 'portal_account', entityId: row.id, after: { for: action, items: Object.keys(failed) } }))
  throw new AppError('IDENTITY_MISMATCH', { message: { 'zh-TW': '身分核對未通過', en: 'The caller check failed' }, fieldErrors: failed })
}

/** Mails a one-time link, valid 24 h; only the token's hash is stored. */
export function sendResetLink(opts: { deps: AppDeps; user: SessionUser; id: number; checklist: Checklist; ctx: AuditContext }): { expiresAt: string } {
  const { deps, ctx } = opts
  const row = accountOr404(deps, opts.id)
  verifyCaller(deps, row, opts.checklist, ctx, 'reset-link')
  const token = randomBytes(32).toString('base64url')
  const expiresAt = new Date(ctx.now.getTime() + RESET_LINK_HOURS * 3_600_000).toISOString()
  inTransaction(deps.db, (tx) => {
    insertReset(tx, { accountRef: row.id, tokenHash: hashToken(token), expiresAt, createdBy: opts.user.id, createdAt: ctx.now.toISOString() })
    queueMail(tx, { to: row.email, template: 'password-reset', data: { account: row.accountId, resetUrl: `${deps.env.publicUrl}/portal/reset-password?token=${token}`, expiresAt }, now: ctx.now })
    recordAudit(tx, ctx, { action: 'helpdesk.reset_link_sent', entity: 'portal_account', entityId: row.id, after: { accountId: row.accountId, expiresAt } })
  })
  return { expiresAt }
}

const TEMP_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789'
/** 12 characters that always meet the password rule (a digit, an upper- and a lower-case letter). */
function temporaryPassword(): string {
  const pick = (set: string) => set[randomInt(set.length)]!
  const chars = [pick('23456789'), pick('ABCDEFGHJKMNPQRSTUVWXYZ'), pick('abcdefghjkmnpqrstuvwxyz'), ...Array.from({ length: 9 }, () => pick(TEMP_ALPHABET))]
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1)
    ;[chars[i], chars[j]] = [chars[j]!, chars[i]!]
  }
  return chars.join('')
}

/** A temporary password, shown once to the helpdesk; the account must change it at the next sign-in. */
export async function setTemporaryPassword(opts: { deps: AppDeps; id: number; checklist: Checklist; ctx: AuditContext }): Promise<{ temporaryPassword: string }> {
  const { deps, ctx } = opts
  const row = accountOr404(deps, opts.id)
  verifyCaller(deps, row, opts.checklist, ctx, 'temporary-password')
  const password = temporaryPassword()
  const hash = await hashPassword(password, deps.env.PASSWORD_HASH_COST)
  inTransaction(deps.db, (tx) => {
    updateAccount(tx, row.id, { passwordHash: hash, mustChangePassword: true, failedAttempts: 0, lockedUntil: null }, ctx.now.toISOString())
    deletePortalSessionsOf(tx, row.id)
    recordAudit(tx, ctx, { action: 'helpdesk.temporary_password_set', entity: 'portal_account', entityId: row.id, after: { accountId: row.accountId, mustChangePassword: true } })
  })
  return { temporaryPassword: password }
}

export function unlockAccount(opts: { deps: AppDeps; id: number; ctx: AuditContext }): HelpdeskAccount {
  const { deps, ctx } = opts
  const row = accountOr404(deps, opts.id)
  inTransaction(deps.db, (tx) => {
    updateAccount(tx, row.id, { failedAttempts: 0, lockedUntil: null }, ctx.now.toISOString())
    recordAudit(tx, ctx, { action: 'helpdesk.unlocked', entity: 'portal_account', entityId: row.id, before: { lockedUntil: row.lockedUntil }, after: { lockedUntil: null } })
  })
  return getHelpdeskAccount({ deps, id: row.id })
}

/** The first half of the four-eyes e-mail change: nothing changes until a second staff member approves. */
export function requestEmailChange(opts: { deps: AppDeps; user: SessionUser; id: number; checklist: Checklist; newEmail: string; reason: string; ctx: AuditContext }): EmailChangeInfo {
  const { deps, ctx } = opts
  const row = accountOr404(deps, opts.id)
  verifyCaller(deps, row, opts.checklist, ctx, 'email-change')
  if (opts.newEmail === row.email) throw new AppError('VALIDATION_FAILED', { fieldErrors: { newEmail: { 'zh-TW': '新電子郵件與目前相同', en: 'The new e-mail is the current one' } } })
  const id = inTransaction(deps.db, (tx) => {
    const changeId = insertEmailChange(tx, { accountRef: row.id, oldEmail: row.email, newEmail: opts.newEmail, reason: opts.reason, status: 'pending', requestedBy: opts.user.id, requestedAt: ctx.now.toISOString() })
    recordAudit(tx, ctx, { action: 'helpdesk.email_change_requested', entity: 'portal_account', entityId: row.id, before: { email: row.email }, after: { newEmail: opts.newEmail, reason: opts.reason } })
    return changeId
  })
  return emailChangeInfo(deps.db, id)!
}

export function listEmailChangeRequests(opts: { deps: AppDeps; query: z.output<typeof emailChangeListQuery> }): EmailChangePage {
  const { deps, query } = opts
  const rows = listEmailChanges(deps.db, { status: query.status, beforeId: decodeIdCursor(query.cursor), limit: query.limit + 1 })
  const page = pageOf(rows, query.limit, (last) => String(last.id))
  return { ...page, ...(query.cursor ? {} : { total: countEmailChanges(deps.db, { status: query.status }) }) }
}

/** The second pair of eyes: someone other than the requester approves (the e-mail changes) or rejects. */
export function decideEmailChangeRequest(opts: { deps: AppDeps; user: SessionUser; id: number; version: number; approve: boolean; ctx: AuditContext }): EmailChangeInfo {
  const { deps, user, ctx } = opts
  const change = findEmailChange(deps.db, opts.id)
  if (!change) throw new AppError('NOT_FOUND')
  if (change.requestedBy === user.id) throw new AppError('FORBIDDEN', { message: { 'zh-TW': '須由另一位同仁核准', en: 'Another staff member must approve this' } })
  inTransaction(deps.db, (tx) => {
    const at = ctx.now.toISOString()
    if (!decideEmailChange(tx, change.id, opts.version, { status: opts.approve ? 'approved' : 'rejected', decidedBy: user.id, decidedAt: at })) throw new AppError('CONFLICT')
    if (opts.approve) updateAccount(tx, change.accountRef, { email: change.newEmail }, at)
    recordAudit(tx, ctx, { action: opts.approve ? 'helpdesk.email_changed' : 'helpdesk.email_change_rejected', entity: 'portal_account', entityId: change.accountRef, before: { email: change.oldEmail }, after: { email: opts.approve ? change.newEmail : change.oldEmail } })
  })
  return emailChangeInfo(deps.db, change.id)!
}

const linkError = () => new AppError('VALIDATION_FAILED', { message: { 'zh-TW': '此重設連結已失效或已使用，請洽客服重新寄送', en: 'This reset link has expired or was already used; ask the helpdesk for a new one' }, fieldErrors: { token: { 'zh-TW': '連結已失效或已使用', en: 'The link has expired or was used' } } })

/** The portal's reset page: a valid, unused link sets the password once; every session of the account ends. */
export async function resetPasswordWithToken(opts: { deps: AppDeps; token: string; newPassword: string; ctx: AuditContext }): Promise<{ accountId: string }> {
  const { deps, ctx } = opts
  const rate = hitRateLimit(deps.db, `password-reset:${ctx.ip ?? 'unknown'}`, 20, 60, ctx.now)
  if (!rate.allowed) throw new AppError('RATE_LIMITED', { params: { retryAfterSeconds: rate.retryAfterSeconds } })
  const reset = findReset(deps.db, hashToken(opts.token))
  if (!reset || reset.usedAt || Date.parse(reset.expiresAt) <= ctx.now.getTime()) throw linkError()
  const row = accountOr404(deps, reset.accountRef)
  const hash = await hashPassword(opts.newPassword, deps.env.PASSWORD_HASH_COST)
  return inTransaction(deps.db, (tx) => {
    if (!spendReset(tx, reset.id, ctx.now.toISOString())) throw linkError()
    updateAccount(tx, row.id, { passwordHash: hash, mustChangePassword: false, failedAttempts: 0, lockedUntil: null }, ctx.now.toISOString())
    deletePortalSessionsOf(tx, row.id)
    recordAudit(tx, { ...ctx, actor: { id: null, name: `portal:${row.accountId}`, officeCode: null, roles: [] } }, { action: 'portal.password_reset', entity: 'portal_account', entityId: row.id })
    return { accountId: row.accountId }
  })
}
