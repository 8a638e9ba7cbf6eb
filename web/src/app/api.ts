import type { ErrorBody, ErrorCode } from '@core/errors'
import type { Language } from '@core/i18n'

/** An error response of the API, or a network failure (status 0, code UNAVAILABLE). */
export class ApiError extends Error {
  readonly status: number
  readonly code: ErrorCode
  readonly fieldErrors: Record<string, string>
  readonly rows: NonNullable<ErrorBody['rows']>
  readonly requestId?: string
  constructor(status: number, body: ErrorBody) {
    super(body.message)
    this.name = 'ApiError'
    this.status = status
    this.code = body.code
    this.fieldErrors = body.fieldErrors ?? {}
    this.rows = body.rows ?? []
    this.requestId = body.requestId
  }
}

export interface ApiContext {
  language: () => Language
  /** the token of the session the path acts through: the portal's for /api/portal/, else the staff one */
  csrfToken: (path: string) => string | null
  /** called for every ApiError unless the request opted out; the app routes 401/403 from here */
  onError?: (error: ApiError, path: string) => void
}

let context: ApiContext = { language: () => 'zh-TW', csrfToken: () => null }

/** main.ts wires the stores and the router in; the client itself knows neither. */
export function configureApi(next: ApiContext): void {
  context = next
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  /** JSON, or FormData for uploads (sent as multipart with the same headers and error handling) */
  body?: unknown
  query?: Record<string, string | number | boolean | null | undefined>
  signal?: AbortSignal
  /** false: do not call onError (the session probe, whose 401 just means "not signed in") */
  handleErrors?: boolean
}

const fallbackMessages: Record<Language, { network: string; unexpected: string }> = {
  'zh-TW': { network: '無法連線到伺服器，請檢查網路後再試', unexpected: '伺服器回應格式不正確' },
  en: { network: 'Cannot reach the server; check the network and try again', unexpected: 'Unexpected response from the server' },
}

export function buildUrl(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value))
  }
  const search = params.toString()
  return search ? `${path}?${search}` : path
}

/** Turns a non-2xx response into an ApiError, whatever its body holds. */
export async function toApiError(response: Response, language: Language): Promise<ApiError> {
  let body: unknown = null
  try {
    body = await response.json()
  } catch {
    // not JSON: a proxy error page, an empty body …
  }
  const error = (body as { error?: Partial<ErrorBody> } | null)?.error
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    return new ApiError(response.status, error as ErrorBody)
  }
  const code: ErrorCode = response.status >= 500 ? 'INTERNAL' : 'BAD_REQUEST'
  return new ApiError(response.status, { code, message: fallbackMessages[language].unexpected })
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET'
  const language = context.language()
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language }
  const multipart = options.body instanceof FormData
  if (options.body !== undefined && !multipart) headers['Content-Type'] = 'application/json'
  const csrf = context.csrfToken(path)
  if (method !== 'GET' && csrf) headers['X-CSRF-Token'] = csrf

  let response: Response
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : multipart ? (options.body as FormData) : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    })
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause
    throw new ApiError(0, { code: 'UNAVAILABLE', message: fallbackMessages[language].network })
  }

  if (!response.ok) {
    const error = await toApiError(response, language)
    if (options.handleErrors !== false) context.onError?.(error, path)
    throw error
  }
  if (response.status === 204) return undefined as T
  const text = await response.text()
  return (text ? JSON.parse(text) : undefined) as T
}

export function isApiError(error: unknown, code?: ErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code)
}
