import { randomUUID } from 'node:crypto'
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { HTTPException } from 'hono/http-exception'
import { secureHeaders } from 'hono/secure-headers'
import { AppError, toErrorBody } from '../core/errors'
import { isPkiError } from '../core/pki'
import { pickLanguage } from '../core/i18n'
import { allow, loadSession } from './lib/auth'
import { clientIp } from './lib/client-ip'
import type { AppDeps, AppEnv } from './lib/context'
import { databaseAnswers } from './lib/health'
import { csrfProtection } from './lib/csrf'
import { mountSpa } from './lib/spa'
import { strictTransportSecurity } from './lib/tls'
import { createApiDocsRoutes } from './lib/openapi.routes' // API document
import { createApplicationsRoutes } from './modules/applications/applications.routes'
import { createApplicationsPortalRoutes } from './modules/applications/applications.portal.routes' // applications (portal)
import { createAuditRoutes } from './modules/audit/audit.routes'
import { createAuthRoutes } from './modules/auth/auth.routes'
import { BINDING_UPLOAD_PATH, createBindingsRoutes, createPortalBindingsRoutes } from './modules/bindings/bindings.routes' // card binding
import { createBrokerRecordsRoutes, IMPORT_PATH as BROKER_RECORDS_IMPORT_PATH } from './modules/broker-records/broker-records.routes'
import { createCrlRoutes } from './modules/ca/ca.routes'
import { createCardLoginRoutes } from './modules/card-login/card-login.routes'
import { createCertificatesRoutes } from './modules/certificates/certificates.routes' // certificates
import { createDashboardRoutes } from './modules/dashboard/dashboard.routes'
import { createHelpdeskRoutes, createPasswordResetRoutes } from './modules/helpdesk/helpdesk.routes' // helpdesk
import { createLookupRoutes } from './modules/lookup/lookup.routes' // lookup
import { createMailRoutes } from './modules/mail/mail.routes' // mail outbox
import { createOfficesRoutes } from './modules/offices/offices.routes'
import { createFeeSlipsRoutes } from './modules/fee-slips/fee-slips.routes' // fee slips
import { createPortalAccountsRoutes } from './modules/portal-accounts/portal-accounts.routes' // portal accounts
import { createPortalAuthRoutes } from './modules/portal-auth/portal-auth.routes' // portal sign-in
import { createRegistrationsRoutes } from './modules/registrations/registrations.routes' // registrations
import { createPaymentsRoutes, IMPORT_PATH as PAYMENTS_IMPORT_PATH } from './modules/payments/payments.routes' // payments
import { createReassignmentsRoutes } from './modules/reassignments/reassignments.routes' // reassignments
import { createStaffRoutes } from './modules/staff/staff.routes'

const MAX_BODY_BYTES = 1024 * 1024

function toAppError(err: Error): AppError | null {
  if (err instanceof AppError) return err
  if (isPkiError(err)) return err.toAppError()
  if (err instanceof HTTPException) {
    if (err.status === 400 && /json/i.test(err.message)) return new AppError('MALFORMED_JSON')
    if (err.status === 413) return new AppError('PAYLOAD_TOO_LARGE', { params: { limit: '1 MB' } })
    if (err.status < 500) return new AppError('BAD_REQUEST')
  }
  return null
}

export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>()

  app.use('*', async (c, next) => {
    c.set('deps', deps)
    c.set('requestId', randomUUID())
    c.set('ip', clientIp(c, deps.env.TRUST_PROXY))
    c.set('lang', pickLanguage(c.req.header('accept-language')))
    c.set('session', null)
    const started = performance.now()
    await next()
    // on the answer's own headers: c.header() after the answer is made would make it again (a copy of its body)
    c.res.headers.set('X-Request-Id', c.get('requestId'))
    deps.log.debug('request', { method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) })
  })
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Element Plus positions popovers with inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      referrerPolicy: 'same-origin',
      // per request, by strictTransportSecurity: behind a TLS proxy only the request tells
      strictTransportSecurity: false,
      crossOriginEmbedderPolicy: false,
    }),
  )
  app.use('*', strictTransportSecurity)
  const apiBodyLimit = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: () => { throw new AppError('PAYLOAD_TOO_LARGE', { params: { limit: '1 MB' } }) } })
  // Upload routes set their own limits (CSV imports 5 MB, scanned forms 10 MB); every other API route gets 1 MB.
  const ownLimit = (path: string) => path === BROKER_RECORDS_IMPORT_PATH || path === BINDING_UPLOAD_PATH || path === PAYMENTS_IMPORT_PATH || /^\/api\/applications\/\d+\/attachments$/.test(path)
  // A GET or HEAD has no body to limit (the Node adapter gives them none); asking for one builds the full
  // Request object, a tenth of a list request's time.
  app.use('/api/*', (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' || ownLimit(c.req.path) ? next() : apiBodyLimit(c, next)))
  app.use('/api/*', loadSession)
  app.use('/api/*', csrfProtection)

  app.get('/api/health', allow('public'), (c) => (databaseAnswers(deps.db) ? c.json({ status: 'ok' }) : c.json({ status: 'unavailable', reason: 'database' }, 503)))
  app.route('/api/auth', createAuthRoutes())
  app.route('/api/staff', createStaffRoutes())
  app.route('/api/offices', createOfficesRoutes())
  app.route('/api/audit', createAuditRoutes())
  app.route('/api/dashboard', createDashboardRoutes())
  app.route('/api/card-login', createCardLoginRoutes())
  app.route('/api/applications', createApplicationsRoutes())
  app.route('/api/broker-records', createBrokerRecordsRoutes()) // broker-records
  app.route('/api/certificates', createCertificatesRoutes()) // certificates
  app.route('/api/mail', createMailRoutes()) // mail outbox (admin)
  app.route('/api/fee-slips', createFeeSlipsRoutes()) // fee slips
  app.route('/api/payments', createPaymentsRoutes()) // payments
  app.route('/api/portal/accounts', createPortalAccountsRoutes()) // portal accounts
  app.route('/api/portal/auth', createPortalAuthRoutes()) // portal sign-in
  app.route('/api/portal/registrations', createRegistrationsRoutes()) // registrations
  app.route('/api/portal/bindings', createPortalBindingsRoutes()) // card binding (holder)
  app.route('/api/bindings', createBindingsRoutes()) // card binding (office)
  app.route('/api/helpdesk', createHelpdeskRoutes()) // helpdesk
  app.route('/api/lookup', createLookupRoutes()) // lookup
  app.route('/api/portal/password-reset', createPasswordResetRoutes()) // helpdesk reset links
  app.route('/api/portal/applications', createApplicationsPortalRoutes()) // applications (portal)
  app.route('/api/reassignments', createReassignmentsRoutes()) // reassignments
  app.route('/api', createApiDocsRoutes(app)) // API document
  app.all('/api/*', allow('public'), () => {
    throw new AppError('NOT_FOUND', { message: { 'zh-TW': '沒有這個 API 路徑', en: 'No such API path' } })
  })

  app.route('/crl', createCrlRoutes())
  app.get('/crl/*', allow('public'), () => {
    throw new AppError('NOT_FOUND')
  })
  mountSpa(app, deps.env.distDir)

  app.onError((err, c) => {
    const appError = toAppError(err)
    if (!appError) deps.log.error('unhandled error', { requestId: c.get('requestId'), error: err.stack ?? String(err) })
    const error = appError ?? new AppError('INTERNAL')
    const lang = c.get('lang') ?? pickLanguage(c.req.header('accept-language'))
    const retryAfter = error.options.params?.retryAfterSeconds
    if (retryAfter !== undefined) c.header('Retry-After', String(retryAfter))
    return c.json({ error: toErrorBody(error, lang, c.get('requestId')) }, error.status as 400)
  })
  return app
}

export type AppType = ReturnType<typeof createApp>
