import type { SessionInfo, SessionUser } from '../../../core/contracts/auth'
import { AppError } from '../../../core/errors'
import { inTransaction, type Db } from '../../../db/client'
import type { Env } from '../../env'
import { recordAudit, type AuditContext } from '../../lib/audit'
import { hashPassword, verifyPassword } from '../../lib/password'
import { hitRateLimit } from '../../lib/rate-limit'
import { createSession, deleteSession, deleteSessionsOf, findActiveSessionUser, type StoredSession } from '../../lib/session-store'
import { sessionExpiries } from '../../lib/sessions'
import { countFailedAttempt, findLoginCandidate, findPasswordHash, lockAccount, markSignedIn, setOwnPassword } from './auth.repo'

/** Compared against when the username is unknown, so that the answer takes as long either way. */
let dummyHash: Promise<string> | null = null

export interface SignedIn {
  token: string
  info: SessionInfo
}

export function toSessionInfo(session: Pick<StoredSession, 'createdAt' | 'lastSeenAt' | 'csrfToken'>, user: SessionUser, env: Env): SessionInfo {
  const { idle, absolute } = sessionExpiries(session, { idleMinutes: env.SESSION_IDLE_MINUTES, absoluteHours: env.SESSION_ABSOLUTE_HOURS })
  return { user, csrfToken: session.csrfToken, idleExpiresAt: idle.toISOString(), absoluteExpiresAt: absolute.toISOString() }
}

export async function login(opts: {
  db: Db
  env: Env
  username: string
  password: string
  userAgent: string | null
  replacesSessionId: string | null
  ctx: AuditContext
}): Promise<SignedIn> {
  const { db, env, ctx } = opts
  const now = ctx.now
  const rate = hitRateLimit(db, `login:${ctx.ip ?? 'unknown'}`, env.LOGIN_RATE_PER_MINUTE, 60, now)
  if (!rate.allowed) throw new AppError('RATE_LIMITED', { params: { retryAfterSeconds: rate.retryAfterSeconds } })

  const username = opts.username.toLowerCase()
  const candidate = findLoginCandidate(db, username)
  if (candidate?.lockedUntil && Date.parse(candidate.lockedUntil) > now.getTime()) {
    const seconds = Math.ceil((Date.parse(candidate.lockedUntil) - now.getTime()) / 1000)
    throw new AppError('ACCOUNT_LOCKED', { params: { minutes: Math.ceil(seconds / 60), retryAfterSeconds: seconds } })
  }
  dummyHash ??= hashPassword('not a real password', env.PASSWORD_HASH_COST)
  const ok = await verifyPassword(opts.password, candidate?.passwordHash ?? (await dummyHash))

  if (!candidate || !ok) {
    inTransaction(db, (tx) => {
      let after: Record<string, unknown> = { username }
      if (candidate) {
        const failedAttempts = countFailedAttempt(tx, candidate.id)
        const lockedUntil = failedAttempts >= env.LOCKOUT_THRESHOLD ? new Date(now.getTime() + env.LOCKOUT_MINUTES * 60_000).toISOString() : null
        if (lockedUntil) lockAccount(tx, candidate.id, lockedUntil)
        after = { username, failedAttempts, lockedUntil }
      }
      recordAudit(tx, ctx, { action: 'auth.login_failed', entity: 'staff', entityId: candidate?.id ?? null, after })
    })
    throw new AppError('INVALID_CREDENTIALS')
  }
  if (candidate.status !== 'active') throw new AppError('ACCOUNT_DISABLED')

  return inTransaction(db, (tx) => {
    // A new id at every sign-in: a session id planted before sign-in is worth nothing after it.
    if (opts.replacesSessionId) deleteSession(tx, opts.replacesSessionId)
    markSignedIn(tx, candidate.id, now.toISOString())
    const { token, session } = createSession(tx, { staffId: candidate.id, now, ip: ctx.ip, userAgent: opts.userAgent })
    const user = findActiveSessionUser(tx, candidate.id)!
    const actorCtx = { ...ctx, actor: { id: user.id, name: user.username, officeCode: user.officeCode, roles: user.roles } }
    recordAudit(tx, actorCtx, { action: 'auth.login', entity: 'staff', entityId: user.id })
    return { token, info: toSessionInfo(session, user, env) }
  })
}

export function logout(opts: { db: Db; sessionId: string; ctx: AuditContext }): void {
  inTransaction(opts.db, (tx) => {
    deleteSession(tx, opts.sessionId)
    recordAudit(tx, opts.ctx, { action: 'auth.logout', entity: 'staff', entityId: opts.ctx.actor.id })
  })
}

/** Changes one's own password; every other session of the account ends and this one gets a new id. */
export async function changePassword(opts: {
  db: Db
  env: Env
  user: SessionUser
  currentPassword: string
  newPassword: string
  userAgent: string | null
  ctx: AuditContext
}): Promise<SignedIn> {
  const { db, env, user, ctx } = opts
  const stored = findPasswordHash(db, user.id)
  if (!stored || !(await verifyPassword(opts.currentPassword, stored))) {
    throw new AppError('VALIDATION_FAILED', { fieldErrors: { currentPassword: 'passwordWrong' } })
  }
  const newHash = await hashPassword(opts.newPassword, env.PASSWORD_HASH_COST)
  return inTransaction(db, (tx) => {
    setOwnPassword(tx, user.id, newHash, ctx.now.toISOString())
    deleteSessionsOf(tx, user.id)
    const { token, session } = createSession(tx, { staffId: user.id, now: ctx.now, ip: ctx.ip, userAgent: opts.userAgent })
    recordAudit(tx, ctx, { action: 'auth.password_changed', entity: 'staff', entityId: user.id, before: { mustChangePassword: user.mustChangePassword }, after: { mustChangePassword: false } })
    return { token, info: toSessionInfo(session, findActiveSessionUser(tx, user.id)!, env) }
  })
}
