import type { LocalizedText } from '../../i18n'

/**
 * Why a certification path was refused. The codes are stable: the web, the logs and the API key on
 * them. One path can fail for several reasons; each carries the index of the certificate it is
 * about (0 = the certificate being validated, then its issuers, the trust anchor last).
 *
 * | code                       | meaning |
 * |----------------------------|---------|
 * | MALFORMED                  | a certificate does not decode (DER, RFC 5280 syntax) |
 * | PROFILE_VIOLATION          | decodes, but breaks an RFC 5280 §4 rule for issuers (strict mode) |
 * | BASELINE_REQUIREMENTS      | breaks a CA/Browser Forum BR rule for TLS server certificates (profile 'webpki' only) |
 * | UNSUPPORTED_ALGORITHM      | signature or key algorithm we do not verify (DSA, P-192, SHA-224…) |
 * | WEAK_ALGORITHM             | MD5 / SHA-1 signature, RSA key below the minimum size |
 * | BAD_SIGNATURE              | the issuer's key does not verify the signature |
 * | SIGNATURE_ALGORITHM_MISMATCH | tbsCertificate.signature differs from signatureAlgorithm |
 * | UNTRUSTED_ISSUER           | no path leads to a configured trust anchor |
 * | EXPIRED / NOT_YET_VALID    | outside notBefore..notAfter at the validation time |
 * | NOT_A_CA                   | an issuer without basicConstraints cA |
 * | KEY_USAGE_MISSING          | an issuer without keyCertSign / cRLSign, a signer without digitalSignature |
 * | ENCRYPTION_ONLY            | an encryption certificate presented for signing |
 * | EKU_MISSING                | the extended key usage asked for is not allowed |
 * | PATH_LENGTH_EXCEEDED       | a pathLenConstraint (or the caller's limit) is exceeded |
 * | PATH_TOO_LONG              | more certificates than the builder accepts (8 at most) |
 * | UNKNOWN_CRITICAL_EXTENSION | a critical extension we do not process |
 * | NAME_CONSTRAINTS           | a name outside the permitted or inside the excluded subtrees |
 * | POLICY_REQUIRED            | no acceptable certificate policy where one is required, or a policy mapped to/from anyPolicy |
 * | NAME_MISMATCH              | the certificate does not name the expected host / address |
 * | REVOKED                    | listed on a valid CRL (certificateHold included: on hold) |
 * | CRL_MISSING                | revocation checked (crls given), but no valid CRL covers the certificate: fail-closed, as PKITS 4.4.1 expects |
 * | CRL_INVALID                | a CRL that matches cannot be used (signature, extensions, issuer) |
 * | CRL_EXPIRED                | the only matching CRLs are outside thisUpdate..nextUpdate |
 * | TIME_LIMIT                 | the time or work budget ran out before a path was found |
 */
export const validationTexts = {
  MALFORMED: { 'zh-TW': '憑證內容格式錯誤，無法解讀', en: 'A certificate is damaged or not encoded correctly' },
  PROFILE_VIOLATION: { 'zh-TW': '憑證內容不符合 RFC 5280 規範', en: 'A certificate breaks the RFC 5280 profile' },
  BASELINE_REQUIREMENTS: { 'zh-TW': '憑證不符合 CA/瀏覽器論壇對 TLS 伺服器憑證的基本要求', en: 'The certificate breaks the CA/Browser Forum Baseline Requirements for TLS server certificates' },
  UNSUPPORTED_ALGORITHM: { 'zh-TW': '不支援此憑證使用的演算法', en: 'The certificate uses an algorithm that is not supported' },
  WEAK_ALGORITHM: { 'zh-TW': '憑證使用的演算法或金鑰長度強度不足', en: 'The certificate uses a weak algorithm or key size' },
  BAD_SIGNATURE: { 'zh-TW': '憑證簽章驗證失敗', en: 'The certificate signature does not verify' },
  SIGNATURE_ALGORITHM_MISMATCH: { 'zh-TW': '憑證內外的簽章演算法不一致', en: 'The inner and outer signature algorithms differ' },
  UNTRUSTED_ISSUER: { 'zh-TW': '無法連結到受信任的根憑證', en: 'The certificate does not chain to a trusted root' },
  EXPIRED: { 'zh-TW': '憑證已過期', en: 'The certificate has expired' },
  NOT_YET_VALID: { 'zh-TW': '憑證尚未生效', en: 'The certificate is not valid yet' },
  NOT_A_CA: { 'zh-TW': '簽發者不是憑證機構憑證', en: 'The issuer is not a CA certificate' },
  KEY_USAGE_MISSING: { 'zh-TW': '憑證的金鑰用途不允許此用途', en: 'The key usage of the certificate does not allow this use' },
  ENCRYPTION_ONLY: { 'zh-TW': '這是加密用憑證，不能用於簽章', en: 'This is an encryption certificate; it cannot be used to sign' },
  EKU_MISSING: { 'zh-TW': '憑證的延伸金鑰用途不允許此用途', en: 'The extended key usage of the certificate does not allow this use' },
  PATH_LENGTH_EXCEEDED: { 'zh-TW': '憑證鏈超過路徑長度限制', en: 'The chain exceeds a path length constraint' },
  PATH_TOO_LONG: { 'zh-TW': '憑證鏈過長', en: 'The certificate chain is too long' },
  UNKNOWN_CRITICAL_EXTENSION: { 'zh-TW': '憑證含有無法處理的關鍵延伸欄位', en: 'The certificate has a critical extension that cannot be processed' },
  NAME_CONSTRAINTS: { 'zh-TW': '憑證名稱不在簽發者允許的範圍內', en: 'A name in the certificate is outside what its issuer may certify' },
  POLICY_REQUIRED: { 'zh-TW': '憑證不符合要求的憑證政策', en: 'The chain does not carry the required certificate policy' },
  NAME_MISMATCH: { 'zh-TW': '憑證名稱與預期的對象不符', en: 'The certificate does not name the expected subject' },
  REVOKED: { 'zh-TW': '憑證已被廢止或停用', en: 'The certificate has been revoked or put on hold' },
  CRL_MISSING: { 'zh-TW': '找不到可用的憑證廢止清冊', en: 'No usable certificate revocation list covers the certificate' },
  CRL_INVALID: { 'zh-TW': '憑證廢止清冊無效', en: 'A certificate revocation list is invalid' },
  CRL_EXPIRED: { 'zh-TW': '憑證廢止清冊已過期或尚未生效', en: 'The certificate revocation list is out of date' },
  TIME_LIMIT: { 'zh-TW': '驗證憑證鏈逾時', en: 'Validating the chain took too long' },
} as const satisfies Record<string, LocalizedText>

export type ValidationCode = keyof typeof validationTexts

export interface ValidationReason {
  code: ValidationCode
  message: LocalizedText
  /** 0 = the validated certificate, then its issuers up to the trust anchor */
  certIndex?: number
  /** for logs and developers, English, never shown as is */
  detail?: string
}

export function reason(code: ValidationCode, certIndex?: number, detail?: string): ValidationReason {
  const out: ValidationReason = { code, message: validationTexts[code] }
  if (certIndex !== undefined) out.certIndex = certIndex
  if (detail) out.detail = detail
  return out
}

/** Thrown inside the validator to stop one path with a reason; never escapes validatePath. */
export class PathFailure extends Error {
  constructor(readonly reasons: ValidationReason[]) {
    super(reasons.map((r) => r.code).join(', '))
  }
}
