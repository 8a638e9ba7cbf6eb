import type { Context } from 'hono'
import type { SessionUser } from '../../core/contracts/auth'
import type { PortalUser } from '../../core/contracts/portal'
import type { Language } from '../../core/i18n'
import type { Db } from '../../db/client'
import type { Env } from '../env'
import type { CaSettings } from '../modules/ca/ca.settings'
import type { AuditContext } from './audit'
import type { Logger } from './logger'

/** What the app is built from: injected so tests run it on an in-memory database with a fixed clock. */
export interface AppDeps {
  db: Db
  env: Env
  log: Logger
  clock: () => Date
  ca: CaSettings
}

export interface CurrentSession {
  id: string
  csrfToken: string
  createdAt: string
  lastSeenAt: string
  user: SessionUser
}

export interface CurrentPortalSession {
  id: string
  csrfToken: string
  method: 'card' | 'password'
  createdAt: string
  lastSeenAt: string
  user: PortalUser
}

export interface AppEnv {
  Variables: {
    deps: AppDeps
    requestId: string
    ip: string | null
    lang: Language
    session: CurrentSession | null
    sessionExpired: boolean
    portalSession: CurrentPortalSession | null
    portalSessionExpired: boolean
  }
}

export type AppContext = Context<AppEnv>

/** The signed-in portal account; routes behind a portal access always have one. */
export function currentPortalUser(c: AppContext): PortalUser {
  const session = c.get('portalSession')
  if (!session) throw new Error('currentPortalUser() called on a route without a signed-in portal account')
  return session.user
}

/** The signed-in user; routes behind allow(...) other than 'public' always have one. */
export function currentUser(c: AppContext): SessionUser {
  const session = c.get('session')
  if (!session) throw new Error('currentUser() called on a route without a signed-in user')
  return session.user
}

/**
 * Who did it, for the audit row: the staff member, or else the portal account (named `portal:<account id>`,
 * with no staff id, so the two kinds of actor never mix).
 */
export function auditContext(c: AppContext): AuditContext {
  const user = c.get('session')?.user
  const portalUser = c.get('portalSession')?.user
  return {
    actor: user
      ? { id: user.id, name: user.username, officeCode: user.officeCode, roles: user.roles }
      : portalUser
        ? { id: null, name: `portal:${portalUser.accountId}`, officeCode: null, roles: [] }
        : { id: null, name: null, officeCode: null, roles: [] },
    requestId: c.get('requestId'),
    ip: c.get('ip'),
    now: c.get('deps').clock(),
  }
}
