import { AppError } from '../errors'
import type { LocalizedText } from '../i18n'

/**
 * Why a file or certificate was refused. The codes are stable (the web and the logs key on them);
 * the texts say what the user can do about it, in both languages.
 */
export const pkiErrorTexts = {
  EMPTY: { 'zh-TW': '檔案是空的', en: 'The file is empty' },
  NOT_A_CERTIFICATE: { 'zh-TW': '這不是憑證檔案', en: 'This file is not a certificate' },
  TRUNCATED: { 'zh-TW': '憑證檔案不完整，可能在複製或下載時被截斷', en: 'The certificate file is incomplete; it may have been cut off while copying or downloading' },
  TOO_LARGE: { 'zh-TW': '憑證檔案過大（每張憑證上限 64 KB）', en: 'The certificate is too large (at most 64 KB per certificate)' },
  TRAILING_DATA: { 'zh-TW': '憑證後面有多餘的資料', en: 'There is extra data after the certificate' },
  MALFORMED: { 'zh-TW': '憑證內容格式錯誤，無法解讀', en: 'The certificate is damaged or not encoded correctly' },
  MULTIPLE_CERTIFICATES: { 'zh-TW': '檔案內有多張憑證，請只提供一張', en: 'The file holds several certificates; provide exactly one' },
  UBN_MISMATCH: {
    'zh-TW': '憑證內的統一編號前後不一致',
    en: 'The certificate carries two different Unified Business Numbers',
  },
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

export type PkiErrorCode = keyof typeof pkiErrorTexts

/**
 * The one error core/pki throws for bad input. It extends Error so stacks and `cause` survive;
 * `message` stays the English string Error requires, and `text` carries both languages.
 * `detail` is for logs and developers (which field, which offset), never shown to users as is.
 */
export class PkiError extends Error {
  readonly code: PkiErrorCode
  readonly text: LocalizedText
  readonly detail?: string
  constructor(code: PkiErrorCode, detail?: string, options?: { cause?: unknown }) {
    super(pkiErrorTexts[code].en + (detail ? ` (${detail})` : ''), options)
    this.name = 'PkiError'
    this.code = code
    this.text = pkiErrorTexts[code]
    this.detail = detail
  }

  /** Maps to the app's error shape: a field error on the upload field when one is named. */
  toAppError(field?: string): AppError {
    if (field) return new AppError('VALIDATION_FAILED', { fieldErrors: { [field]: this.text }, cause: this })
    return new AppError('BAD_REQUEST', { message: this.text, cause: this })
  }
}

export function isPkiError(value: unknown): value is PkiError {
  return value instanceof PkiError
}
