import { createMiddleware } from 'hono/factory'
import { AppError } from '../../core/errors'
import type { AppEnv } from './context'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host
  } catch {
    return null
  }
}

/**
 * CSRF defence for every state-changing request, in layers: a cross-site browser request is refused by its
 * Origin / Sec-Fetch-Site; a body must be JSON (which a cross-site form cannot send without a CORS preflight);
 * and a call that acts through a session must echo that session's token in X-CSRF-Token (checked by allow(),
 * which knows whether the route acts through the staff or the portal session). The cookies are also
 * SameSite=Strict. Public routes (sign-in among them) act through no session, so they rely on the first two
 * layers. Multipart is let through for uploads: the token check still applies to it.
 */
export const csrfProtection = createMiddleware<AppEnv>(async (c, next) => {
  if (SAFE_METHODS.has(c.req.method)) return next()
  if (c.req.header('sec-fetch-site') === 'cross-site') throw new AppError('CSRF_FAILED')
  const origin = c.req.header('origin')
  if (origin && origin !== 'null') {
    const host = c.req.header('x-forwarded-host') ?? c.req.header('host')
    if (!host || hostOf(origin) !== host) throw new AppError('CSRF_FAILED')
  }
  const type = c.req.header('content-type') ?? ''
  // Node gives every request a body stream, so a body is what the headers declare: a type, a length or chunks
  // (a browser's DELETE declares none of them).
  const declared = Number(c.req.header('content-length') ?? 0) > 0 || c.req.header('transfer-encoding') !== undefined
  if ((type || declared) && !/^(?:application\/(?:[\w.+-]+\+)?json|multipart\/form-data)\b/i.test(type)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE')
  }
  // Nothing here inflates a compressed body; refusing it outright keeps a gzip bomb a bomb nobody opens.
  const encoding = c.req.header('content-encoding')
  if (encoding && !/^\s*identity\s*$/i.test(encoding)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { message: { 'zh-TW': '不接受壓縮的請求內容（Content-Encoding）', en: 'Compressed request bodies (Content-Encoding) are not accepted' } })
  }
  return next()
})
