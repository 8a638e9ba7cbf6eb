import { Hono } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import { changePasswordRequest } from '../../../core/contracts/auth'
import { cardAnswer, PORTAL_SESSION_COOKIE, portalLoginRequest } from '../../../core/contracts/portal'
import { allow } from '../../lib/auth'
import { reachedOverTls } from '../../lib/tls'
import { auditContext, currentPortalUser, type AppContext, type AppEnv } from '../../lib/context'
import { valid } from '../../lib/validate'
import { cardLogin, changePortalPassword, passwordLogin, portalLogout, toPortalSessionInfo } from './portal-auth.service'

function setPortalCookie(c: AppContext, token: string): void {
  const secure = reachedOverTls(c, c.get('deps').env)
  setCookie(c, PORTAL_SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/', secure })
}

const signInContext = (c: AppContext) => ({ userAgent: c.req.header('user-agent') ?? null, replacesSessionId: c.get('portalSession')?.id ?? null, ctx: auditContext(c) })

/** Portal sign-in: by card (challenge from /api/card-login/challenge) or by password; its own cookie. */
export function createPortalAuthRoutes() {
  return new Hono<AppEnv>()
    .post('/login/card', allow('public'), valid('json', cardAnswer), async (c) => {
      const { token, info } = await cardLogin({ deps: c.get('deps'), answer: c.req.valid('json'), ...signInContext(c) })
      setPortalCookie(c, token)
      return c.json(info)
    })
    .post('/login/password', allow('public'), valid('json', portalLoginRequest), async (c) => {
      const { token, info } = await passwordLogin({ deps: c.get('deps'), ...c.req.valid('json'), ...signInContext(c) })
      setPortalCookie(c, token)
      return c.json(info)
    })
    .post('/logout', allow('portal-signed-in'), (c) => {
      portalLogout({ deps: c.get('deps'), sessionId: c.get('portalSession')!.id, user: currentPortalUser(c), ctx: auditContext(c) })
      deleteCookie(c, PORTAL_SESSION_COOKIE, { path: '/' })
      return c.body(null, 204)
    })
    .get('/me', allow('portal-signed-in'), (c) => {
      const session = c.get('portalSession')!
      return c.json(toPortalSessionInfo(session, session.user, c.get('deps').env))
    })
    .post('/password', allow('portal-signed-in'), valid('json', changePasswordRequest), async (c) => {
      const { token, info } = await changePortalPassword({ deps: c.get('deps'), user: currentPortalUser(c), ...c.req.valid('json'), userAgent: c.req.header('user-agent') ?? null, ctx: auditContext(c) })
      setPortalCookie(c, token)
      return c.json(info)
    })
}
