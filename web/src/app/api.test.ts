import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { api, ApiError, buildUrl, configureApi } from './api'

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })

describe('api client', () => {
  const fetchMock = vi.fn<typeof fetch>()
  const onError = vi.fn()
  let language: 'zh-TW' | 'en' = 'zh-TW'

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock)
    language = 'zh-TW'
    configureApi({ language: () => language, csrfToken: () => 'tok-123', onError })
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    fetchMock.mockReset()
    onError.mockReset()
  })

  it('turns the error shape into an ApiError with status, code, message and field errors', async () => {
    fetchMock.mockResolvedValue(
      json(400, {
        error: { code: 'VALIDATION_FAILED', message: '輸入資料有誤', fieldErrors: { username: '此欄位為必填' }, requestId: 'r-1' },
      }),
    )
    const error = await api('/api/staff', { method: 'POST', body: {} }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', message: '輸入資料有誤', requestId: 'r-1' })
    expect((error as ApiError).fieldErrors).toEqual({ username: '此欄位為必填' })
    expect(onError).toHaveBeenCalledWith(error, expect.any(String))
  })

  it('sends the language, JSON content type, same-origin credentials and the CSRF token on writes', async () => {
    language = 'en'
    fetchMock.mockResolvedValue(json(200, { ok: true }))
    await api('/api/auth/password', { method: 'POST', body: { a: 1 } })
    const [url, init] = fetchMock.mock.calls[0]
    const headers = init?.headers as Record<string, string>
    expect(url).toBe('/api/auth/password')
    expect(init).toMatchObject({ method: 'POST', credentials: 'same-origin', body: '{"a":1}' })
    expect(headers).toMatchObject({ 'Accept-Language': 'en', 'Content-Type': 'application/json', 'X-CSRF-Token': 'tok-123' })
  })

  it('sends no CSRF token and no body on reads, and leaves empty query values out', async () => {
    fetchMock.mockResolvedValue(json(200, { items: [] }))
    await api('/api/staff', { query: { q: '', page: 2, role: undefined, status: 'active' } })
    const [url, init] = fetchMock.mock.calls[0]
    expect(url).toBe('/api/staff?page=2&status=active')
    expect(init?.body).toBeUndefined()
    expect(init?.headers).not.toHaveProperty('X-CSRF-Token')
    expect(init?.headers).not.toHaveProperty('Content-Type')
  })

  it('reports a non-JSON error page as INTERNAL in the current language', async () => {
    language = 'en'
    fetchMock.mockResolvedValue(new Response('<html>Bad gateway</html>', { status: 502 }))
    const error = (await api('/api/health').catch((e: unknown) => e)) as ApiError
    expect(error).toMatchObject({ status: 502, code: 'INTERNAL', message: 'Unexpected response from the server' })
  })

  it('reports a network failure as UNAVAILABLE with status 0', async () => {
    fetchMock.mockRejectedValue(new TypeError('fetch failed'))
    const error = (await api('/api/health').catch((e: unknown) => e)) as ApiError
    expect(error).toMatchObject({ status: 0, code: 'UNAVAILABLE', message: '無法連線到伺服器，請檢查網路後再試' })
  })

  it('does not call onError when the request opts out (the session probe)', async () => {
    fetchMock.mockResolvedValue(json(401, { error: { code: 'UNAUTHENTICATED', message: '請先登入' } }))
    await expect(api('/api/auth/me', { handleErrors: false })).rejects.toMatchObject({ code: 'UNAUTHENTICATED', status: 401 })
    expect(onError).not.toHaveBeenCalled()
  })

  it('returns undefined for 204 and the parsed body otherwise', async () => {
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }))
    await expect(api('/api/auth/logout', { method: 'POST' })).resolves.toBeUndefined()
    fetchMock.mockResolvedValueOnce(json(200, { status: 'ok' }))
    await expect(api('/api/health')).resolves.toEqual({ status: 'ok' })
  })

  it('builds query strings with encoding', () => {
    expect(buildUrl('/api/audit', { q: '基隆 關', cursor: 'a+b/c' })).toBe('/api/audit?q=%E5%9F%BA%E9%9A%86+%E9%97%9C&cursor=a%2Bb%2Fc')
    expect(buildUrl('/api/audit')).toBe('/api/audit')
  })
})
