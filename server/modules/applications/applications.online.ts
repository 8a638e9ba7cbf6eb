import { eq } from 'drizzle-orm'
import { dc02Request, type Application } from '../../../core/contracts/applications'
import type { SessionUser } from '../../../core/contracts/auth'
import { AppError } from '../../../core/errors'
import { validatePath, verifyDocumentSignature } from '../../../core/pki'
import { taipeiDate } from '../../../core/tw'
import { canonicalBytes, canonicalJson } from '../../../core/workflow/canonical-json'
import { formatApplicationNo } from '../../../core/workflow/application-number'
import { inTransaction } from '../../../db/client'
import { applications } from '../../../db/schema'
import { recordAudit, type AuditContext } from '../../lib/audit'
import type { AppDeps } from '../../lib/context'
import { hitRateLimit } from '../../lib/rate-limit'
import { embeddedCrls, trustMaterial } from '../../lib/trust'
import { validationError } from '../../lib/validate'
import { findApplication, insertApplication, insertEvent, nextSequence } from './applications.repo'
import { auditSummary } from './applications.service'
import { toApplication } from './applications.view'

/** How old a signature may be when it arrives: enough for a slow upload, too little to keep for later. */
const MAX_SIGNATURE_AGE_MS = 10 * 60_000

/** Who the online applicant is, for the review desk's view: the company named by its certificate. */
const applicantView = (ubn: string, officeCode: string): SessionUser => ({ id: 0, username: ubn, displayName: ubn, officeCode: officeCode as SessionUser['officeCode'], roles: [], mustChangePassword: false })

/**
 * Receives an online DC02 application: a document signed by the company's certificate (工商憑證) instead of
 * its seal. The signature must be over the canonical form of exactly the fields sent (plus `signedAt`),
 * fresh, and by a company certificate that validates and names the application's UBN. The evidence (document,
 * signature, certificate) is kept with the application, which starts at 00.
 */
export async function receiveOnlineApplication(opts: { deps: AppDeps; application: Record<string, unknown>; certificate: string; signature: string; ctx: AuditContext }): Promise<Application> {
  const { deps, ctx } = opts
  const rate = hitRateLimit(deps.db, `online-application:${ctx.ip ?? 'unknown'}`, 30, 60, ctx.now)
  if (!rate.allowed) throw new AppError('RATE_LIMITED', { params: { retryAfterSeconds: rate.retryAfterSeconds } })
  const { signedAt, ...fields } = opts.application
  const signedMs = typeof signedAt === 'string' ? Date.parse(signedAt) : NaN
  if (Number.isNaN(signedMs)) throw new AppError('VALIDATION_FAILED', { fieldErrors: { signedAt: 'invalidDate' } })
  if (Math.abs(ctx.now.getTime() - signedMs) > MAX_SIGNATURE_AGE_MS) throw new AppError('VALIDATION_FAILED', { fieldErrors: { signedAt: { 'zh-TW': '簽章時間過舊或在未來，請重新簽章送出', en: 'The signature is too old or in the future; sign and send again' } } })
  const parsed = dc02Request.safeParse(fields)
  if (!parsed.success) throw validationError(parsed.error, fields)
  const form = parsed.data

  const document = canonicalJson(opts.application)
  const { certificate, info } = await verifyDocumentSignature({ certificate: opts.certificate, signature: opts.signature, data: canonicalBytes(opts.application) })
  if (info.kind !== 'moeaca') throw new AppError('FORBIDDEN', { message: { 'zh-TW': '線上申請須以工商憑證簽章', en: 'An online application must be signed with a company certificate (工商憑證)' } })
  if (info.identity.ubn !== form.ubn) throw new AppError('FORBIDDEN', { message: { 'zh-TW': '簽章憑證之統一編號與申請書不符', en: "The signing certificate's UBN differs from the application's" } })
  const trust = trustMaterial(deps)
  const result = await validatePath({ leaf: certificate, ...trust, crls: await embeddedCrls(deps, ctx.now), at: ctx.now, purpose: 'sign' })
  if (!result.valid) throw new AppError('CERTIFICATE_INVALID', { message: { 'zh-TW': `憑證驗證未通過：${result.reasons.map((r) => r.message['zh-TW']).join('；')}`, en: `The certificate was not accepted: ${result.reasons.map((r) => r.message.en).join('; ')}` } })

  const at = ctx.now.toISOString()
  const rocYear = Number(taipeiDate(ctx.now).slice(0, 4)) - 1911
  const row = inTransaction(deps.db, (tx) => {
    // The same signed document twice is one application: a replay or a double click.
    if (tx.select({ id: applications.id }).from(applications).where(eq(applications.signature, opts.signature)).get()) {
      throw new AppError('CONFLICT', { message: { 'zh-TW': '此申請已送出過', en: 'This application was already received' } })
    }
    const id = insertApplication(tx, {
      ...form,
      applicationNo: formatApplicationNo(form.officeCode, rocYear, nextSequence(tx, form.officeCode, rocYear)),
      channel: 'online', status: '00', submittedAt: at, createdAt: at, updatedAt: at,
      signedDocument: document, signature: opts.signature, signerCertificate: Buffer.from(certificate),
    })
    const created = findApplication(tx, id)!
    const applicant = `${info.identity.name ?? form.companyName} (${form.ubn})`
    insertEvent(tx, { applicationId: id, at, actorName: applicant, action: 'received', toStatus: '00', note: `簽章憑證 ${info.serialHex}` })
    recordAudit(tx, { ...ctx, actor: { id: null, name: applicant, officeCode: null, roles: [] } }, { action: 'application.received_online', entity: 'application', entityId: created.applicationNo, after: { ...auditSummary(created), signer: info.subject.display } })
    return created
  })
  return toApplication(deps.db, row, applicantView(form.ubn, form.officeCode), ctx.now)
}
