import type { PortalUser } from '@core/contracts/portal'
import { PORTAL_HOME_PATH, PORTAL_LOGIN_PATH, PORTAL_PASSWORD_PATH, type GuardDecision } from './guard'

/** Who may open a portal page: any signed-in account, or a company account only; absent means public. */
export type PortalAccessMeta = 'signed-in' | 'company'

/** Only paths inside the portal, never protocol-relative ones, so ?redirect= cannot leave the site. */
export function safePortalRedirect(value: unknown): string | null {
  if (typeof value !== 'string' || !value.startsWith('/portal') || value.startsWith('//') || value.includes('\\')) return null
  return value.startsWith(PORTAL_LOGIN_PATH) ? null : value
}

/** The portal's access rule as one pure function, apart from the console's: its sessions are separate. */
export function decidePortalNavigation(target: { path: string; fullPath: string; portal?: PortalAccessMeta }, user: PortalUser | null): GuardDecision {
  if (!target.portal) return { allow: true }
  if (!user) return { allow: false, to: { path: PORTAL_LOGIN_PATH, query: { redirect: target.fullPath } } }
  if (user.mustChangePassword && target.path !== PORTAL_PASSWORD_PATH) return { allow: false, to: { path: PORTAL_PASSWORD_PATH } }
  if (target.portal === 'company' && user.category !== 'company') return { allow: false, to: { path: PORTAL_HOME_PATH } }
  return { allow: true }
}
