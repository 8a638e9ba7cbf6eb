import type { SessionUser } from '@core/contracts/auth'
import type { Role } from '@core/contracts/roles'

/** Who may open a route: listed roles, any signed-in staff member; absent means public. */
export type RouteRoles = Role[] | 'staff'

export const LOGIN_PATH = '/console/login'
export const PASSWORD_PATH = '/console/password'
export const FORBIDDEN_PATH = '/console/403'
export const HOME_PATH = '/console'
export const PORTAL_HOME_PATH = '/portal'
export const PORTAL_LOGIN_PATH = '/portal/login'
export const PORTAL_PASSWORD_PATH = '/portal/password'

export interface GuardTarget {
  path: string
  fullPath: string
  roles?: RouteRoles
  /** the sign-in page: a signed-in user is sent on instead */
  guestOnly?: boolean
  /** the redirect query of the sign-in page */
  redirect?: unknown
}

export type GuardDecision = { allow: true } | { allow: false; to: { path: string; query?: Record<string, string> } }

const allow: GuardDecision = { allow: true }

/** Only paths inside the console, and never protocol-relative ones, so ?redirect= cannot leave the site. */
export function safeRedirect(value: unknown): string | null {
  if (typeof value !== 'string') return null
  if (!value.startsWith('/console') || value.startsWith('//') || value.includes('\\')) return null
  if (value.startsWith(LOGIN_PATH)) return null
  return value
}

export function hasAccess(user: SessionUser, roles: RouteRoles | undefined): boolean {
  if (roles === undefined || roles === 'staff') return true
  return roles.some((role) => user.roles.includes(role))
}

/** The whole access rule of the console as one pure function; router.ts only feeds it. */
export function decideNavigation(target: GuardTarget, user: SessionUser | null): GuardDecision {
  if (target.guestOnly) {
    if (!user) return allow
    if (user.mustChangePassword) return { allow: false, to: { path: PASSWORD_PATH } }
    return { allow: false, to: { path: safeRedirect(target.redirect) ?? HOME_PATH } }
  }
  if (target.roles === undefined) return allow
  if (!user) return { allow: false, to: { path: LOGIN_PATH, query: { redirect: target.fullPath } } }
  if (user.mustChangePassword && target.path !== PASSWORD_PATH) {
    const redirect = safeRedirect(target.fullPath)
    return { allow: false, to: { path: PASSWORD_PATH, query: redirect && redirect !== HOME_PATH ? { redirect } : undefined } }
  }
  if (!hasAccess(user, target.roles)) return { allow: false, to: { path: FORBIDDEN_PATH } }
  return allow
}
