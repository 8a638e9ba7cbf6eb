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
