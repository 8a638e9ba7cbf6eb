import { getCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import type { MiddlewareHandler } from 'hono'
import { SESSION_COOKIE } from '../../core/contracts/auth'
import type { Access } from '../../core/contracts/roles'
import { AppError } from '../../core/errors'
import type { AppEnv } from './context'
import { deleteSession, findSessionWithUser, touchSession } from './session-store'
import { sessionState } from './sessions'

/** lastSeenAt is written at most this often: the idle timeout is exact to within it, and reads stay reads. */
const TOUCH_EVERY_MS = 60_000

/** Loads the session named by the cookie, if it is still valid; runs before every API route. */
export const loadSession = createMiddleware<AppEnv>(async (c, next) => {
  c.set('session', null)
  c.set('sessionExpired', false)
  const token = getCookie(c, SESSION_COOKIE)
  if (token) {
    const { db, env, clock } = c.get('deps')
    const stored = findSessionWithUser(db, token)
    const now = clock()
    if (stored) {
      const state = sessionState(stored, now, { idleMinutes: env.SESSION_IDLE_MINUTES, absoluteHours: env.SESSION_ABSOLUTE_HOURS })
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
  await next()
})

export type PolicyMiddleware = MiddlewareHandler<AppEnv> & { access: readonly Access[] }

/**
 * Declares who may call a route; every API route starts with one. The declared access stays readable on the
 * middleware, so a test can list every route of the app with its policy.
 */
export function allow(...access: Access[]): PolicyMiddleware {
  const handler = createMiddleware<AppEnv>(async (c, next) => {
    if (access.includes('public')) return next()
    const session = c.get('session')
    if (!session) throw new AppError(c.get('sessionExpired') ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED')
    if (access.includes('signed-in')) return next()
    if (session.user.mustChangePassword) throw new AppError('PASSWORD_CHANGE_REQUIRED')
    if (access.includes('staff') || session.user.roles.some((r) => access.includes(r))) return next()
    throw new AppError('FORBIDDEN')
  })
  return Object.assign(handler, { access })
}
