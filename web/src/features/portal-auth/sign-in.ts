import type { PortalUser } from '@core/contracts/portal'
import type { ErrorCode } from '@core/errors'
import { isApiError } from '@web/app/api'
import { PORTAL_HOME_PATH, PORTAL_PASSWORD_PATH } from '@web/app/guard'
import { safePortalRedirect } from '@web/app/portal-guard'

export interface SignInTarget {
  path: string
  query?: Record<string, string>
}

/**
 * Where a signed-in account goes from the sign-in page: a password reset by the helpdesk must be replaced
 * first (the guard would send it there anyway, but then the redirect would be lost), then where it was heading.
 */
export function afterSignIn(user: Pick<PortalUser, 'mustChangePassword'>, redirect: unknown): SignInTarget {
  const target = safePortalRedirect(redirect)
  if (user.mustChangePassword) return target && target !== PORTAL_PASSWORD_PATH ? { path: PORTAL_PASSWORD_PATH, query: { redirect: target } } : { path: PORTAL_PASSWORD_PATH }
  return { path: target ?? PORTAL_HOME_PATH }
}

/** The sign-in failures a person can act on, each with its own advice; anything else shows the server's text. */
export type SignInProblemKind = 'notRegistered' | 'certificateInvalid' | 'locked' | 'invalidCredentials' | 'challengeUsed' | 'other'

export interface SignInProblem {
  kind: SignInProblemKind
  /** the server's localized message: it carries details our texts cannot (revocation reasons, lock minutes) */
  detail: string
}

const kinds: Partial<Record<ErrorCode, SignInProblemKind>> = {
  CARD_NOT_REGISTERED: 'notRegistered',
  CERTIFICATE_INVALID: 'certificateInvalid',
  WRONG_CARD: 'certificateInvalid',
  ACCOUNT_LOCKED: 'locked',
  INVALID_CREDENTIALS: 'invalidCredentials',
  CHALLENGE_USED: 'challengeUsed',
}

export function signInProblem(error: unknown, fallback: string): SignInProblem {
  if (!isApiError(error)) return { kind: 'other', detail: fallback }
  return { kind: kinds[error.code] ?? 'other', detail: error.message }
}
