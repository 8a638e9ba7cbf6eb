import { interpolate, type Language, type LocalizedText } from './i18n'
import { fieldMessages, isFieldMessageKey } from './messages'

/**
 * The closed list of error codes. Each has its HTTP status and its message in both languages;
 * the server's onError and the web's error display both read this one table.
 */
export const errorTable = {
  VALIDATION_FAILED: { status: 400, 'zh-TW': '輸入資料有誤，請檢查標示的欄位', en: 'Some fields are invalid; please check the marked fields' },
  MALFORMED_JSON: { status: 400, 'zh-TW': '請求內容不是有效的 JSON', en: 'The request body is not valid JSON' },
  BAD_REQUEST: { status: 400, 'zh-TW': '請求格式不正確', en: 'The request is malformed' },
  UNAUTHENTICATED: { status: 401, 'zh-TW': '請先登入', en: 'Please sign in' },
  SESSION_EXPIRED: { status: 401, 'zh-TW': '登入逾時，請重新登入', en: 'Your session has expired; please sign in again' },
  INVALID_CREDENTIALS: { status: 401, 'zh-TW': '帳號或密碼錯誤', en: 'Wrong username or password' },
  ACCOUNT_LOCKED: {
    status: 423,
    'zh-TW': '登入失敗次數過多，帳號已鎖定，請於 {minutes} 分鐘後再試',
    en: 'Too many failed sign-ins: the account is locked; try again in {minutes} minutes',
  },
  ACCOUNT_DISABLED: { status: 403, 'zh-TW': '帳號已停用，請洽系統管理者', en: 'This account is disabled; contact the administrator' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, 'zh-TW': '請先變更密碼', en: 'You must change your password first' },
  FORBIDDEN: { status: 403, 'zh-TW': '您沒有執行此功能的權限', en: 'You are not allowed to do this' },
  CSRF_FAILED: { status: 403, 'zh-TW': '安全驗證失敗，請重新整理頁面後再試', en: 'Security check failed; reload the page and try again' },
  NOT_FOUND: { status: 404, 'zh-TW': '找不到資料', en: 'Not found' },
  CONFLICT: { status: 409, 'zh-TW': '資料狀態已變更，無法執行', en: 'The data has changed; this cannot be done now' },
  VERSION_CONFLICT: {
    status: 409,
    'zh-TW': '資料已被他人修改，請重新載入後再試',
    en: 'Someone else changed this record; reload it and try again',
  },
  CERTIFICATE_INVALID: { status: 422, 'zh-TW': '憑證驗證未通過', en: 'The certificate was not accepted' },
  CHALLENGE_USED: { status: 409, 'zh-TW': '此驗證碼已使用或已失效，請重新操作', en: 'This challenge was already answered or has expired; start again' },
  WRONG_CARD: { status: 422, 'zh-TW': '憑證種類不符', en: 'Wrong kind of card' },
  IDENTITY_MISMATCH: { status: 422, 'zh-TW': '憑證與輸入的資料不符', en: 'The card does not match the data you typed' },
  ALREADY_REGISTERED: { status: 409, 'zh-TW': '您已註冊本系統，系統將為您導回首頁', en: 'You are already registered; taking you back to the home page' },
  CARD_NOT_REGISTERED: { status: 401, 'zh-TW': '此憑證尚未註冊，請先註冊或綁定憑證', en: 'This card is not registered; register or bind it first' },
  PAYLOAD_TOO_LARGE: { status: 413, 'zh-TW': '請求內容過大（上限 {limit}）', en: 'The request is too large (limit {limit})' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, 'zh-TW': '不支援的內容格式', en: 'Unsupported content type' },
  RATE_LIMITED: { status: 429, 'zh-TW': '嘗試次數過多，請稍後再試', en: 'Too many attempts; please wait and try again' },
  INTERNAL: { status: 500, 'zh-TW': '系統發生錯誤，請稍後再試', en: 'Something went wrong; please try again later' },
  UNAVAILABLE: { status: 503, 'zh-TW': '系統暫時無法服務', en: 'The service is temporarily unavailable' },
} as const satisfies Record<string, LocalizedText & { status: number }>

export type ErrorCode = keyof typeof errorTable

/** A message reference: a shared field message key, or text given in both languages. */
export type MessageRef = string | LocalizedText
export type Params = Record<string, string | number>

export interface AppErrorOptions {
  message?: LocalizedText
  params?: Params
  /** field path (dot-separated) → message key of core/messages.ts, or text in both languages */
  fieldErrors?: Record<string, MessageRef | { key: string; params?: Params }>
  /** row-level problems of an uploaded file (a CSV import): 1-based file line, column name, message */
  rows?: { line: number; column: string; message: MessageRef | { key: string; params?: Params } }[]
  cause?: unknown
}

/** The one error type. Thrown anywhere; the server turns it into the wire shape below. */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly options: AppErrorOptions
  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    super(options.message?.en ?? interpolate(errorTable[code].en, options.params), { cause: options.cause })
    this.name = 'AppError'
    this.code = code
    this.options = options
  }
  get status(): number {
    return errorTable[this.code].status
  }
}

/** The error shape on the wire: `{ "error": ErrorBody }`. */
export interface ErrorBody {
  code: ErrorCode
  message: string
  fieldErrors?: Record<string, string>
  rows?: { line: number; column: string; message: string }[]
  requestId?: string
}

export function localizeMessage(ref: MessageRef | { key: string; params?: Params }, lang: Language, params?: Params): string {
  if (typeof ref === 'string') return isFieldMessageKey(ref) ? interpolate(fieldMessages[ref][lang], params) : ref
  if ('key' in ref) return localizeMessage(ref.key, lang, ref.params)
  return interpolate(ref[lang], params)
}

export function toErrorBody(error: AppError, lang: Language, requestId?: string): ErrorBody {
  const { message, params, fieldErrors, rows } = error.options
  const body: ErrorBody = {
    code: error.code,
    message: message ? message[lang] : interpolate(errorTable[error.code][lang], params),
  }
  if (fieldErrors && Object.keys(fieldErrors).length > 0) {
    body.fieldErrors = Object.fromEntries(Object.entries(fieldErrors).map(([field, ref]) => [field, localizeMessage(ref, lang)]))
  }
  if (rows && rows.length > 0) body.rows = rows.map((r) => ({ line: r.line, column: r.column, message: localizeMessage(r.message, lang) }))
  if (requestId) body.requestId = requestId
  return body
}
