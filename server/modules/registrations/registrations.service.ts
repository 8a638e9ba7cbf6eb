import type { PortalUser } from '../../../core/contracts/portal'
import { BROKER_USE_TYPE, registrationSuccess, type RegistrationCreated, type RegistrationInput } from '../../../core/contracts/registrations'
import { AppError } from '../../../core/errors'
import { readCertificate } from '../../../core/pki'
import { inTransaction, type Db } from '../../../db/client'
import { recordAudit, type AuditContext } from '../../lib/audit'
import type { AppDeps } from '../../lib/context'
import { hitRateLimit } from '../../lib/rate-limit'
import { verifyCardResponse } from '../card-login/card-login.service'
import { assertIssuedByCustomsCa, assertUsableNow, readUpload } from './registrations.certificate'
import { findAccountIdentity, findActiveDuplicate, findRegistration, insertRegistration, markDeleted, setCertificateStatusOf } from './registrations.repo'
import { retireFormerFirms } from './registrations.broker'
import { assertKindFor, assertUseTypeFor, brokerFirm, companyUbn } from './registrations.rules'

export { searchRegistrations } from './registrations.query'
export { deleteBrokerRegistrations, registrationHistoryOfBroker, type DeletionReason } from './registrations.broker'

/** The certificate of the request: an uploaded file, or a card that has just signed our challenge. */
async function presented(deps: AppDeps, body: RegistrationInput, ctx: AuditContext) {
  if (body.form === 'file') {
    const { der, info } = await readUpload(body.certificate, 'certificate')
    return { der, info, field: 'certificate', proven: false }
  }
  // The card-login check proves possession and validates the chain, validity and revocation in one go.
  const info = await verifyCardResponse({ deps, nonce: body.nonce, response: { certificate: body.certificate, signature: body.signature }, ctx })
  return { der: readCertificate(body.certificate), info, field: 'card', proven: true }
}

/**
 * 通關憑證註冊 (seed 001): checks the certificate's kind for the use type, its issuer, that it is usable now and
 * that it belongs to the account (the firm's UBN, or a broker appointed to the firm); then the registration and
 * its audit row are written in one transaction. A duplicate of an active registration is a 409. A broker's
 * certificate registered by a new firm leaves the firms the broker has left (轉任): their registrations go.
 */
export async function registerSigningCertificate(opts: { deps: AppDeps; user: PortalUser; body: RegistrationInput; ctx: AuditContext }): Promise<RegistrationCreated> {
  const { deps, user, body, ctx } = opts
  const rate = hitRateLimit(deps.db, `registration:${user.id}`, 30, 60, ctx.now)
  if (!rate.allowed) throw new AppError('RATE_LIMITED', { params: { retryAfterSeconds: rate.retryAfterSeconds } })
  assertUseTypeFor(user, body)
  const { der, info, field, proven } = await presented(deps, body, ctx)
  const kind = assertKindFor(body, info, field)
  if (kind !== 'moeaca') assertIssuedByCustomsCa(deps.db, der, info, field)
  if (!proven) await assertUsableNow(deps, der, info, ctx.now, field)
  const broker = body.form === 'file' && body.useType === BROKER_USE_TYPE ? body : null
  const ownIdNumber = findAccountIdentity(deps.db, user.id)?.idNumber ?? null
  const ubn = broker ? brokerFirm(deps.db, user, ownIdNumber, broker, info) : companyUbn(user, info, field)
  const at = ctx.now.toISOString()
  return inTransaction(deps.db, (tx) => {
    if (findActiveDuplicate(tx, info.sha256Fingerprint, ubn)) {
      throw new AppError('CONFLICT', {
        message: { 'zh-TW': `此憑證已註冊於統一編號 ${ubn}，不需重複匯入`, en: `This certificate is already registered for UBN ${ubn}; there is no need to import it again` },
        fieldErrors: { [field]: { 'zh-TW': '此憑證已註冊', en: 'Already registered' } },
      })
    }
    const id = insertRegistration(tx, {
      accountRef: user.id, useType: body.useType, form: body.form, certificateKind: kind, fingerprint: info.sha256Fingerprint, serialHex: info.serialHex,
      issuerDn: info.issuer.display, subjectDn: info.subject.display, ubn, brokerCode: broker?.brokerCode ?? null, brokerIdNumber: broker?.brokerIdNumber ?? null,
      brokerName: broker?.brokerName ?? null, notBefore: info.notBefore, notAfter: info.notAfter, der: Buffer.from(der), registeredAt: at,
    })
    recordAudit(tx, ctx, {
      action: 'registration.created', entity: 'registration', entityId: id,
      after: { useType: body.useType, form: body.form, kind, serialHex: info.serialHex, subject: info.subject.display, ubn, brokerCode: broker?.brokerCode ?? null },
    })
    if (broker?.brokerCode) retireFormerFirms(tx, { fingerprint: info.sha256Fingerprint, ubn, brokerCode: broker.brokerCode, ctx })
    return { id, message: registrationSuccess }
  })
}

/** A user deletes a signing registration of their own; another account's registration does not exist for them. */
export function deleteRegistration(opts: { db: Db; user: PortalUser; id: number; ctx: AuditContext }): void {
  const { db, user, id, ctx } = opts
  inTransaction(db, (tx) => {
    const before = findRegistration(tx, id)
    if (!before || before.accountRef !== user.id) throw new AppError('NOT_FOUND', { message: { 'zh-TW': '查無此憑證註冊資料', en: 'No such certificate registration' } })
    if (before.status !== 'active' || !markDeleted(tx, id, { deletedAt: ctx.now.toISOString(), deletedBy: `portal:${user.accountId}` })) {
      throw new AppError('CONFLICT', { message: { 'zh-TW': '此憑證註冊已刪除', en: 'This registration has already been deleted' } })
    }
    recordAudit(tx, ctx, {
      action: 'registration.deleted', entity: 'registration', entityId: id,
      before: { status: 'active', serialHex: before.serialHex, ubn: before.ubn, brokerCode: before.brokerCode }, after: { status: 'deleted' },
    })
  })
}

/** Every stored spelling of a serial: registrations hold inspectCertificate's form, the registry may pad it. */
function spellings(serialHex: string): string[] {
  const digits = serialHex.toLowerCase().replace(/^0+/, '') || '0'
  return [digits, digits.length % 2 ? `0${digits}` : digits]
}

/**
 * Marks the registrations of a customs certificate after the CA revoked, held or released it, inside the
 * caller's transaction (the supervisor action or the approved application). Only customs kinds match: those
 * are registered only when the customs CA issued them, so its serial names one certificate.
 */
export function markRegistrationsOfCertificate(tx: Db, opts: { serialHex: string; status: 'valid' | 'suspended' | 'revoked' }): number {
  return setCertificateStatusOf(tx, [...new Set(spellings(opts.serialHex))], ['customs-personal', 'customs-corporate'], opts.status)
}
