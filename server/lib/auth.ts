import { getCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import type { MiddlewareHandler } from 'hono'
import { CSRF_HEADER, SESSION_COOKIE } from '../../core/contracts/auth'
import { PORTAL_SESSION_COOKIE } from '../../core/contracts/portal'
import { portalAccess, type Access, type PortalAccess } from '../../core/contracts/roles'
import { AppError } from '../../core/errors'
import type { AppContext, AppEnv } from './context'
import { deletePortalSession, findPortalSession, touchPortalSession } from './portal-session-store'
import { deleteSession, findSessionWithUser, touchSession } from './session-store'
import { safeEqual, sessionState } from './sessions'

/** lastSeenAt is written at most this often: the idle timeout is exact to within it, and reads stay reads. */
const TOUCH_EVERY_MS = 60_000
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** Loads the staff and the portal session named by their cookies, if still valid; runs before every API route. */
export const loadSession = createMiddleware<AppEnv>(async (c, next) => {
  c.set('session', null)
  c.set('sessionExpired', false)
  c.set('portalSession', null)
  c.set('portalSessionExpired', false)
  const { db, env, clock } = c.get('deps')
  const policy = { idleMinutes: env.SESSION_IDLE_MINUTES, absoluteHours: env.SESSION_ABSOLUTE_HOURS }
  const token = getCookie(c, SESSION_COOKIE)
  if (token) {
    const stored = findSessionWithUser(db, token)
    const now = clock()
    if (stored) {
      const state = sessionState(stored, now, policy)
      const user = state === 'active' ? stored.user : null
      if (user) {
        if (now.getTime() - Date.parse(stored.lastSeenAt) >= TOUCH_EVERY_MS) touchSession(db, stored.id, now)
        c.set('session', { id: stored.id, csrfToken: stored.csrfToken, createdAt: stored.createdAt, lastSeenAt: stored.lastSeenAt, user })
      } else {
        deleteSession(db, stored.id)
        c.set('sessionExpired', state !== 'active')
      }
    }
  }
  const portalToken = getCookie(c, PORTAL_SESSION_COOKIE)
  if (portalToken) {
    const stored = findPortalSession(db, portalToken)
    const now = clock()
    if (stored) {
      const state = sessionState(stored, now, policy)
      const user = state === 'active' ? stored.user : null
      if (user) {
        if (now.getTime() - Date.parse(stored.lastSeenAt) >= TOUCH_EVERY_MS) touchPortalSession(db, stored.id, now)
        c.set('portalSession', { id: stored.id, csrfToken: stored.csrfToken, method: stored.method, createdAt: stored.createdAt, lastSeenAt: stored.lastSeenAt, user })
      } else {
        deletePortalSession(db, stored.id)
        c.set('portalSessionExpired', state !== 'active')
      }
    }
  }
  await next()
})

export type PolicyMiddleware = MiddlewareHandler<AppEnv> & { access: readonly Access[] }

/**
 * The last CSRF layer: a state-changing call that acts through a session must echo that session's token in
 * X-CSRF-Token (csrfProtection has already refused cross-site origins and non-JSON bodies). It sits here
 * because only the route's policy knows which session, staff or portal, the call acts through.
 */
function checkCsrfToken(c: AppContext, expected: string): void {
  if (SAFE_METHODS.has(c.req.method)) return
  if (!safeEqual(c.req.header(CSRF_HEADER) ?? '', expected)) throw new AppError('CSRF_FAILED')
}

function allowsPortal(access: readonly Access[]): access is readonly PortalAccess[] {
  return access.some((a) => (portalAccess as readonly Access[]).includes(a))
}

/**
 * Declares who may call a route; every API route starts with one. The declared access stays readable on the
 * middleware, so a test can list every route of the app with its policy. A route is either for staff or for
 * portal accounts, never both: the two sessions never stand in for each other.
 */
export function allow(...access: Access[]): PolicyMiddleware {
  const handler = createMiddleware<AppEnv>(async (c, next) => {
    if (access.includes('public')) return next()
    if (allowsPortal(access)) {
      const portal = c.get('portalSession')
      if (!portal) throw new AppError(c.get('portalSessionExpired') ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED')
      checkCsrfToken(c, portal.csrfToken)
      if (access.includes('portal-signed-in')) return next()
      if (portal.user.mustChangePassword) throw new AppError('PASSWORD_CHANGE_REQUIRED')
      if (access.includes('portal') || (access.includes('portal-company') && portal.user.category === 'company')) return next()
      throw new AppError('FORBIDDEN')
    }
    const session = c.get('session')
    if (!session) throw new AppError(c.get('sessionExpired') ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED')
    checkCsrfToken(c, session.csrfToken)
    if (access.includes('signed-in')) return next()
    if (session.user.mustChangePassword) throw new AppError('PASSWORD_CHANGE_REQUIRED')
    if (access.includes('staff') || session.user.roles.some((r) => access.includes(r))) return next()
    throw new AppError('FORBIDDEN')
  })
  return Object.assign(handler, { access })
}
