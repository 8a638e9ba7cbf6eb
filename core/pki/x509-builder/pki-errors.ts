import type { LocalizedText } from '../../i18n'
import { PkiError, pkiErrorTexts, type PkiErrorCode } from '../errors'

/**
 * Error codes the CA, CSR, PKCS #12 and card modules add to PkiError. They belong in
 * `pkiErrorTexts` (core/pki/errors.ts), which this module may not edit: once they are pasted there,
 * `pkiError` below is a plain `new PkiError(code, …)`. Until then it builds a PkiError and gives it
 * the new code and texts, so callers and tests already see the final shape
 * (`instanceof PkiError`, `.code`, `.text`).
 *
 * WRONG_PIN says nothing more than that: whether the MAC or the padding gave it away, or which bag
 * failed, would help someone guessing PINs and never helps the user.
 */
export const pendingPkiErrorTexts = {
  WRONG_PIN: { 'zh-TW': 'PIN 錯誤', en: 'Wrong PIN' },
  PFX_MALFORMED: { 'zh-TW': '憑證檔（.pfx / .p12）格式錯誤，無法開啟', en: 'The .pfx / .p12 file is damaged or is not a PKCS #12 file' },
  UNSUPPORTED_ALGORITHM: { 'zh-TW': '不支援此檔案使用的演算法', en: 'This file uses an algorithm that is not supported' },
  PFX_PASSWORD_RULE: { 'zh-TW': '密碼須為 4 至 20 個英文字母或數字', en: 'The password must be 4 to 20 letters or digits' },
  NO_PRIVATE_KEY: { 'zh-TW': '檔案中沒有與憑證相符的私鑰', en: 'The file holds no private key matching its certificate' },
  NO_SIGNING_CERTIFICATE: {
    'zh-TW': '卡片中沒有可用於簽章的憑證（僅有加密用憑證）',
    en: 'The card holds no certificate that can sign (only an encryption certificate)',
  },
  CSR_INVALID: { 'zh-TW': '憑證申請檔（CSR）格式錯誤或簽章無效', en: 'The certificate request (CSR) is malformed or its signature is invalid' },
  WEAK_KEY: { 'zh-TW': '金鑰強度不足（RSA 至少 2048 位元，或 ECC P-256 / P-384）', en: 'The key is too weak (RSA of at least 2048 bits, or ECC P-256 / P-384)' },
  SUBJECT_INVALID: { 'zh-TW': '憑證主體資料不正確', en: 'The certificate subject data is invalid' },
  KEY_UNWRAP_FAILED: { 'zh-TW': '無法解開 CA 私鑰（密語錯誤或資料已損毀）', en: 'Cannot unwrap the CA private key (wrong secret or damaged data)' },
  CHALLENGE_INVALID: { 'zh-TW': '憑證簽章驗證失敗', en: 'The certificate signature could not be verified' },
  CHALLENGE_EXPIRED: { 'zh-TW': '驗證逾時，請重新操作', en: 'The sign-in challenge has expired; please try again' },
} as const satisfies Record<string, LocalizedText>

export type PendingPkiErrorCode = keyof typeof pendingPkiErrorTexts
export type AnyPkiErrorCode = PkiErrorCode | PendingPkiErrorCode

export function pkiError(code: AnyPkiErrorCode, detail?: string, options?: { cause?: unknown }): PkiError {
  if (code in pkiErrorTexts) return new PkiError(code as PkiErrorCode, detail, options)
  const text = pendingPkiErrorTexts[code as PendingPkiErrorCode]
  const error = new PkiError('MALFORMED', detail, options)
  const message = text.en + (detail ? ` (${detail})` : '')
  Object.defineProperties(error, {
    code: { value: code, enumerable: true },
    text: { value: text, enumerable: true },
    message: { value: message, writable: true },
  })
  if (error.stack) error.stack = `${error.name}: ${message}${error.stack.slice(error.stack.indexOf('\n'))}`
  return error
}

/** The code of an error as the modules here see it, pending codes included. */
export function pkiErrorCode(error: unknown): AnyPkiErrorCode | undefined {
  return error instanceof PkiError ? (error.code as AnyPkiErrorCode) : undefined
}
