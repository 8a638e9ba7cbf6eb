import type { PortalSessionInfo, PortalUser } from '../../../core/contracts/portal'
import { AppError } from '../../../core/errors'
import type { ChallengeResponse } from '../../../core/pki'
import { inTransaction } from '../../../db/client'
import type { Env } from '../../env'
import { recordAudit, type AuditContext } from '../../lib/audit'
import type { AppDeps } from '../../lib/context'
import { hashPassword, verifyPassword } from '../../lib/password'
import { createPortalSession, deletePortalSession, deletePortalSessionsOf, findPortalUser, type StoredPortalSession } from '../../lib/portal-session-store'
import { hitRateLimit } from '../../lib/rate-limit'
import { sessionExpiries } from '../../lib/sessions'
import { verifyCardResponse } from '../card-login/card-login.service'
import { countPortalFailure, findAccountByCard, findPortalCandidate, lockPortalAccount, markPortalSignedIn, setPortalPassword, type PortalLoginCandidate } from './portal-auth.repo'

let dummyHash: Promise<string> | null = null

export interface PortalSignedIn {
  token: string
  info: PortalSessionInfo
}

export function toPortalSessionInfo(session: Pick<StoredPortalSession, 'createdAt' | 'lastSeenAt' | 'csrfToken' | 'method'>, user: PortalUser, env: Env): PortalSessionInfo {
  const { idle, absolute } = sessionExpiries(session, { idleMinutes: env.SESSION_IDLE_MINUTES, absoluteHours: env.SESSION_ABSOLUTE_HOURS })
  return { user, csrfToken: session.csrfToken, method: session.method, idleExpiresAt: idle.toISOString(), absoluteExpiresAt: absolute.toISOString() }
}

const actorOf = (ctx: AuditContext, accountId: string): AuditContext => ({ ...ctx, actor: { id: null, name: `portal:${accountId}`, officeCode: null, roles: [] } })

function assertNotLocked(candidate: PortalLoginCandidate | null, now: Date): void {
  if (candidate?.lockedUntil && Date.parse(candidate.lockedUntil) > now.getTime()) {
    const seconds = Math.ceil((Date.parse(candidate.lockedUntil) - now.getTime()) / 1000)
    throw new AppError('ACCOUNT_LOCKED', { params: { minutes: Math.ceil(seconds / 60), retryAfterSeconds: seconds } })
  }
}

function openSession(deps: AppDeps, candidate: PortalLoginCandidate, opts: { method: 'card' | 'password'; userAgent: string | null; replacesSessionId: string | null; ctx: AuditContext }): PortalSignedIn {
  if (candidate.status !== 'active') throw new AppError('ACCOUNT_DISABLED')
  return inTransaction(deps.db, (tx) => {
    // A new id at every sign-in: a session id planted before sign-in is worth nothing after it.
    if (opts.replacesSessionId) deletePortalSession(tx, opts.replacesSessionId)
    markPortalSignedIn(tx, candidate.id, opts.ctx.now.toISOString())
    const { token, session } = createPortalSession(tx, { accountRef: candidate.id, method: opts.method, now: opts.ctx.now, ip: opts.ctx.ip, userAgent: opts.userAgent })
    recordAudit(tx, actorOf(opts.ctx, candidate.accountId), { action: 'portal.login', entity: 'portal_account', entityId: candidate.id, after: { method: opts.method } })
    return { token, info: toPortalSessionInfo(session, findPortalUser(tx, candidate.id)!, deps.env) }
  })
}

function hitLoginRate(deps: AppDeps, ctx: AuditContext): void {
  const rate = hitRateLimit(deps.db, `portal-login:${ctx.ip ?? 'unknown'}`, deps.env.LOGIN_RATE_PER_MINUTE, 60, ctx.now)
  if (!rate.allowed) throw new AppError('RATE_LIMITED', { params: { retryAfterSeconds: rate.retryAfterSeconds } })
}

/** Certificate sign-in (憑證登入): the card answers a challenge; the chain and revocation are checked; the card must be bound. */
export async function cardLogin(opts: { deps: AppDeps; answer: { nonce: string } & ChallengeResponse; userAgent: string | null; replacesSessionId: string | null; ctx: AuditContext }): Promise<PortalSignedIn> {
  const { deps, ctx } = opts
  hitLoginRate(deps, ctx)
  const info = await verifyCardResponse({ deps, nonce: opts.answer.nonce, response: { certificate: opts.answer.certificate, signature: opts.answer.signature }, ctx })
  const candidate = findAccountByCard(deps.db, info.sha256Fingerprint)
  if (!candidate) throw new AppError('CARD_NOT_REGISTERED')
  assertNotLocked(candidate, ctx.now)
  return openSession(deps, candidate, { method: 'card', userAgent: opts.userAgent, replacesSessionId: opts.replacesSessionId, ctx })
}

/** Password sign-in (帳號登入), with the staff's lockout rule; migrated accounts have no password until the helpdesk helps. */
export async function passwordLogin(opts: { deps: AppDeps; accountId: string; password: string; userAgent: string | null; replacesSessionId: string | null; ctx: AuditContext }): Promise<PortalSignedIn> {
  const { deps, ctx } = opts
  const { env } = deps
  hitLoginRate(deps, ctx)
  const accountId = opts.accountId.trim().toLowerCase()
  const candidate = findPortalCandidate(deps.db, accountId)
  assertNotLocked(candidate, ctx.now)
  dummyHash ??= hashPassword('not a real password', env.PASSWORD_HASH_COST)
  const ok = await verifyPassword(opts.password, candidate?.passwordHash ?? (await dummyHash))
  if (!candidate || !candidate.passwordHash || !ok) {
    inTransaction(deps.db, (tx) => {
      let after: Record<string, unknown> = { accountId }
      if (candidate) {
        const failedAttempts = countPortalFailure(tx, candidate.id)
        const lockedUntil = failedAttempts >= env.LOCKOUT_THRESHOLD ? new Date(ctx.now.getTime() + env.LOCKOUT_MINUTES * 60_000).toISOString() : null
        if (lockedUntil) lockPortalAccount(tx, candidate.id, lockedUntil)
        after = { accountId, failedAttempts, lockedUntil }
      }
      recordAudit(tx, ctx, { action: 'portal.login_failed', entity: 'portal_account', entityId: candidate?.id ?? null, after })
    })
    throw new AppError('INVALID_CREDENTIALS')
  }
  return openSession(deps, candidate, { method: 'password', userAgent: opts.userAgent, replacesSessionId: opts.replacesSessionId, ctx })
}

export function portalLogout(opts: { deps: AppDeps; sessionId: string; user: PortalUser; ctx: AuditContext }): void {
  inTransaction(opts.deps.db, (tx) => {
    deletePortalSession(tx, opts.sessionId)
    recordAudit(tx, opts.ctx, { action: 'portal.logout', entity: 'portal_account', entityId: opts.user.id })
  })
}

/** Sets a new password (after a helpdesk reset the current one is the temporary one); every other session ends. */
export async function changePortalPassword(opts: { deps: AppDeps; user: PortalUser; currentPassword: string; newPassword: string; userAgent: string | null; ctx: AuditContext }): Promise<PortalSignedIn> {
  const { deps, user, ctx } = opts
  const candidate = findPortalCandidate(deps.db, user.accountId)
  if (!candidate?.passwordHash || !(await verifyPassword(opts.currentPassword, candidate.passwordHash))) {
    throw new AppError('VALIDATION_FAILED', { fieldErrors: { currentPassword: 'passwordWrong' } })
  }
  const hash = await hashPassword(opts.newPassword, deps.env.PASSWORD_HASH_COST)
  return inTransaction(deps.db, (tx) => {
    setPortalPassword(tx, user.id, hash, ctx.now.toISOString())
    deletePortalSessionsOf(tx, user.id)
    const { token, session } = createPortalSession(tx, { accountRef: user.id, method: 'password', now: ctx.now, ip: ctx.ip, userAgent: opts.userAgent })
    recordAudit(tx, ctx, { action: 'portal.password_changed', entity: 'portal_account', entityId: user.id })
    return { token, info: toPortalSessionInfo(session, findPortalUser(tx, user.id)!, deps.env) }
  })
}
