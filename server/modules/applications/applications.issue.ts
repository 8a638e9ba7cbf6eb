import { and, eq, sql } from 'drizzle-orm'
import type { IssuedCertificateResponse } from '../../../core/contracts/applications'
import { AppError } from '../../../core/errors'
import { validatePath, verifyDocumentSignature } from '../../../core/pki'
import { assertTransition } from '../../../core/workflow/application'
import { canonicalBytes } from '../../../core/workflow/canonical-json'
import { inTransaction } from '../../../db/client'
import { certificates } from '../../../db/schema'
import { recordAudit, type AuditContext } from '../../lib/audit'
import type { AppDeps } from '../../lib/context'
import { queueMail } from '../../lib/mail/outbox'
import { hitRateLimit } from '../../lib/rate-limit'
import { getSetting } from '../../lib/settings'
import { embeddedCrls, trustMaterial } from '../../lib/trust'
import { recordIssued, signCertificate } from '../ca/ca.service'
import { findApplication } from './applications.repo'
import { moveApplication } from './applications.transitions'

const MAX_SIGNATURE_AGE_MS = 10 * 60_000
/** The RA's own UBN in the certificates it registers (OU=<UBN>-RA-001), as in the seed's TaiCA certificates. */
const RA_UBN = '97162640'

const decodeBase64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'))

/**
 * Issues the certificate of a paid application (20 → A0): the company's card signs the browser-made request,
 * the CA issues from it with the profile of the application's kind, the registry records it, and the A0 mail
 * goes out. Renewal is the same: the old certificate stays valid until it ends.
 */
export async function issueApplicationCertificate(opts: {
  deps: AppDeps
  id: number
  body: { csr: string; signedAt: string; certificate: string; signature: string }
  ctx: AuditContext
}): Promise<IssuedCertificateResponse> {
  const { deps, body, ctx } = opts
  const rate = hitRateLimit(deps.db, `issue:${ctx.ip ?? 'unknown'}`, 30, 60, ctx.now)
  if (!rate.allowed) throw new AppError('RATE_LIMITED', { params: { retryAfterSeconds: rate.retryAfterSeconds } })
  const app = findApplication(deps.db, opts.id)
  if (!app) throw new AppError('NOT_FOUND')
  const signedMs = Date.parse(body.signedAt)
  if (Number.isNaN(signedMs) || Math.abs(ctx.now.getTime() - signedMs) > MAX_SIGNATURE_AGE_MS) {
    throw new AppError('VALIDATION_FAILED', { fieldErrors: { signedAt: { 'zh-TW': '簽章時間過舊或在未來，請重新產製', en: 'The signature is too old or in the future; generate again' } } })
  }
  const signed = { applicationNo: app.applicationNo, csr: body.csr, signedAt: body.signedAt }
  const { certificate: signer, info } = await verifyDocumentSignature({ certificate: body.certificate, signature: body.signature, data: canonicalBytes(signed) })
  // Only the applicant company itself: another company's card is refused whatever it signed.
  if (info.kind !== 'moeaca' || info.identity.ubn !== app.ubn) throw new AppError('FORBIDDEN', { message: { 'zh-TW': '須以申請公司之工商憑證產製', en: "Only the applicant company's certificate can generate this certificate" } })
  assertTransition('issue', app.status)
  const trust = await validatePath({ leaf: signer, ...trustMaterial(deps), crls: await embeddedCrls(deps, ctx.now), at: ctx.now, purpose: 'sign' })
  if (!trust.valid) throw new AppError('CERTIFICATE_INVALID', { message: { 'zh-TW': `憑證驗證未通過：${trust.reasons.map((r) => r.message['zh-TW']).join('；')}`, en: `The certificate was not accepted: ${trust.reasons.map((r) => r.message.en).join('; ')}` } })

  const sequence = (deps.db.select({ n: sql<number>`count(*)` }).from(certificates).where(and(eq(certificates.ubn, app.ubn), eq(certificates.kind, app.kind))).get()?.n ?? 0) + 1
  const ra = { ubn: RA_UBN }
  const request =
    app.kind === 'personal'
      ? { profile: 'customs-personal' as const, subject: { brokerCode: app.brokerCode!, ubn: app.ubn, sequence, ra } }
      : { profile: 'customs-corporate' as const, subject: { ubn: app.ubn, sequence, ra } }
  let csrDer: Uint8Array
  try {
    csrDer = decodeBase64(body.csr)
  } catch {
    throw new AppError('VALIDATION_FAILED', { fieldErrors: { csr: 'invalidFormat' } })
  }
  // Signed first (async), then recorded with the application's move in one transaction: when the same request
  // arrives twice at once, the second finds the application at A0 and nothing of its certificate is kept.
  const issued = await signCertificate({ db: deps.db, settings: deps.ca, caName: 'customs', now: ctx.now, request: { ...request, csrDer, validity: { days: getSetting(deps.db, 'certificate.validityDays') } } })
  const cn = /CN=([^,]+)/.exec(issued.subject)?.[1] ?? issued.serialHex
  inTransaction(deps.db, (tx) => {
    const fresh = findApplication(tx, app.id)!
    assertTransition('issue', fresh.status)
    recordIssued(tx, { caName: 'customs', profile: request.profile, issued, ctx })
    tx.insert(certificates).values({
      serialHex: issued.serialHex, caName: 'customs', kind: app.kind, subjectDn: issued.subject, ubn: app.ubn, brokerCode: app.brokerCode, officeCode: app.officeCode,
      status: 'valid', notBefore: issued.notBefore.toISOString(), notAfter: issued.notAfter.toISOString(), applicationId: app.id, der: Buffer.from(issued.certificate), createdAt: ctx.now.toISOString(),
    }).run()
    moveApplication(tx, { application: fresh, action: 'issue', actor: { id: null, name: `${info.identity.name ?? app.companyName} (${app.ubn})` }, note: cn, now: ctx.now })
    queueMail(tx, { to: app.contactEmail, template: 'application-completed', data: { applicationNo: app.applicationNo, companyName: app.companyName, service: app.service, certificateName: cn }, applicationId: app.id, now: ctx.now })
    recordAudit(tx, { ...ctx, actor: { id: null, name: app.ubn, officeCode: null, roles: [] } }, { action: 'application.certificate_issued', entity: 'application', entityId: app.applicationNo, after: { serialHex: issued.serialHex, subject: issued.subject } })
  })
  return {
    serialHex: issued.serialHex,
    subject: issued.subject,
    notAfter: issued.notAfter.toISOString(),
    certificate: Buffer.from(issued.certificate).toString('base64'),
    fileName: cn.replace(/[^A-Za-z0-9]/g, ''),
  }
}
