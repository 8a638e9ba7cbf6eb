import { registeredKindNames, type RegisteredKind } from '../../../core/contracts/registrations'
import { AppError, type ErrorCode } from '../../../core/errors'
import type { LocalizedText } from '../../../core/i18n'
import { inspectCertificate, isPkiError, readCertificate, validatePath, type CertificateInfo, type ValidationCode } from '../../../core/pki'
import type { AppDeps } from '../../lib/context'
import { embeddedCrls, trustMaterial } from '../../lib/trust'
import { findCertificate } from '../certificates/certificates.service'

/** The embedded CA that stands in for TWCA: it issues every customs-dedicated certificate through this RA. */
const CUSTOMS_CA = 'customs'

/** One refusal, naming the field it is about: the message at the top and the same text on the field. */
export function refuse(code: ErrorCode, field: string, text: LocalizedText): AppError {
  return new AppError(code, { message: text, fieldErrors: { [field]: text } })
}

export const kindName = (kind: string): LocalizedText => registeredKindNames[kind as RegisteredKind] ?? { 'zh-TW': '其他憑證', en: 'another kind of certificate' }

/** Reads an uploaded .cer (DER as base64, or PEM text); anything unreadable is an error on the file field. */
export async function readUpload(text: string, field: string): Promise<{ der: Uint8Array; info: CertificateInfo }> {
  try {
    const der = readCertificate(text)
    return { der, info: await inspectCertificate(der) }
  } catch (err) {
    if (isPkiError(err)) throw err.toAppError(field)
    throw err
  }
}

/**
 * A customs-dedicated certificate must be one the customs CA issued through this RA: the registry holds it
 * (with its bytes, when stored). The kind alone is read from the subject, which anyone can write.
 */
export function assertIssuedByCustomsCa(db: AppDeps['db'], der: Uint8Array, info: CertificateInfo, field: string): void {
  const row = findCertificate(db, info.serialHex)
  const same = row && row.caName === CUSTOMS_CA && (!row.der || Buffer.compare(row.der, Buffer.from(der)) === 0)
  if (!same) throw refuse('CERTIFICATE_INVALID', field, { 'zh-TW': '此憑證不是由通關憑證管理中心簽發的通關專屬憑證', en: 'This certificate was not issued by the customs certificate authority' })
}

/** Whether one of our embedded CAs issued the certificate: then their CRLs decide revocation. */
async function issuedByEmbeddedCa(info: CertificateInfo, cas: Uint8Array[]): Promise<boolean> {
  const keyId = info.extensions.authorityKeyIdentifier?.keyId
  if (!keyId) return false
  for (const ca of cas) if ((await inspectCertificate(ca)).extensions.subjectKeyIdentifier === keyId) return true
  return false
}

const reasonTexts: [ValidationCode, (info: CertificateInfo) => LocalizedText][] = [
  ['REVOKED', () => ({ 'zh-TW': '此憑證已被廢止或暫禁，不能註冊', en: 'This certificate has been revoked or put on hold; it cannot be registered' })],
  ['EXPIRED', (i) => ({ 'zh-TW': `此憑證已過期（有效期限至 ${i.notAfter.slice(0, 10)}）`, en: `This certificate has expired (valid until ${i.notAfter.slice(0, 10)})` })],
  ['NOT_YET_VALID', (i) => ({ 'zh-TW': `此憑證尚未生效（${i.notBefore.slice(0, 10)} 起生效）`, en: `This certificate is not valid yet (from ${i.notBefore.slice(0, 10)})` })],
  ['ENCRYPTION_ONLY', () => ({ 'zh-TW': '這是加密用憑證，請改用簽章用憑證', en: 'This is an encryption certificate; use the signing certificate' })],
  ['KEY_USAGE_MISSING', () => ({ 'zh-TW': '此憑證不能用於簽章（金鑰用途須含數位簽章）', en: 'This certificate cannot sign (its key usage lacks digitalSignature)' })],
]

/**
 * Valid now, chaining to a trust anchor, allowed to sign (digitalSignature), and not revoked: the embedded CAs'
 * CRLs are checked (re-signed first when due); other issuers' revocation comes with the portal's CRL cache.
 */
export async function assertUsableNow(deps: AppDeps, der: Uint8Array, info: CertificateInfo, now: Date, field: string): Promise<void> {
  const trust = trustMaterial(deps)
  const crls = (await issuedByEmbeddedCa(info, [...trust.intermediates, ...trust.anchors])) ? await embeddedCrls(deps, now) : undefined
  const result = await validatePath({ leaf: der, ...trust, crls, at: now, purpose: 'sign', keyUsage: ['digitalSignature'] })
  if (result.valid) return
  const codes = new Set(result.reasons.map((r) => r.code))
  const known = reasonTexts.find(([code]) => codes.has(code))
  const text = known
    ? known[1](info)
    : {
        'zh-TW': `憑證驗證未通過：${result.reasons.map((r) => r.message['zh-TW']).join('；')}`,
        en: `The certificate was not accepted: ${result.reasons.map((r) => r.message.en).join('; ')}`,
      }
  throw refuse('CERTIFICATE_INVALID', field, text)
}
