import { Hono } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import { changePasswordRequest, loginRequest, SESSION_COOKIE } from '../../../core/contracts/auth'
import { allow } from '../../lib/auth'
import { reachedOverTls } from '../../lib/tls'
import { auditContext, currentUser, type AppContext, type AppEnv } from '../../lib/context'
import { valid } from '../../lib/validate'
import { changePassword, login, logout, toSessionInfo } from './auth.service'

function setSessionCookie(c: AppContext, token: string): void {
  const secure = reachedOverTls(c, c.get('deps').env)
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/', secure })
}

export function createAuthRoutes() {
  return new Hono<AppEnv>()
    .post('/login', allow('public'), valid('json', loginRequest), async (c) => {
      const { db, env } = c.get('deps')
      const body = c.req.valid('json')
      const { token, info } = await login({
        db,
        env,
        ...body,
        userAgent: c.req.header('user-agent') ?? null,
        replacesSessionId: c.get('session')?.id ?? null,
        ctx: auditContext(c),
      })
      setSessionCookie(c, token)
      return c.json(info)
    })
    .post('/logout', allow('signed-in'), (c) => {
      logout({ db: c.get('deps').db, sessionId: c.get('session')!.id, ctx: auditContext(c) })
      deleteCookie(c, SESSION_COOKIE, { path: '/' })
      return c.body(null, 204)
    })
    .get('/me', allow('signed-in'), (c) => {
      const session = c.get('session')!
      return c.json(toSessionInfo(session, session.user, c.get('deps').env))
    })
    .post('/password', allow('signed-in'), valid('json', changePasswordRequest), async (c) => {
      const { db, env } = c.get('deps')
      const body = c.req.valid('json')
      const { token, info } = await changePassword({ db, env, user: currentUser(c), ...body, userAgent: c.req.header('user-agent') ?? null, ctx: auditContext(c) })
      setSessionCookie(c, token)
      return c.json(info)
    })
}
