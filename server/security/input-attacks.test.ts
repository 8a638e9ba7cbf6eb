import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Session } from '../lib/testing'
import { attackedApp, expectHealthy, expectNothingWritten, expectRefused, snapshot, type TestApp } from './attack.fixtures'

/**
 * Malformed, oversized, deeply nested and mislabelled request bodies (issue 9, point 3). Each gets a 4xx in the
 * one error shape, nothing is written, and the server answers afterwards.
 */
let t: TestApp
let root: string
let dispose: () => void
let admin: Session
let clerk: Session
beforeAll(async () => {
  ;({ t, root, dispose } = await attackedApp())
  admin = await t.login('admin')
  clerk = await t.login('clerk.keelung')
})
afterAll(() => dispose())

/** JSON routes of every kind: public sign-in and card checks, staff forms, the online channel. */
const routes = (): { method: string; path: string; as?: Session }[] => [
  { method: 'POST', path: '/api/auth/login' },
  { method: 'POST', path: '/api/staff', as: admin },
  { method: 'POST', path: '/api/applications', as: clerk },
  { method: 'POST', path: '/api/applications/online' },
  { method: 'POST', path: '/api/portal/accounts' },
  { method: 'POST', path: '/api/portal/accounts/card-check' },
  { method: 'POST', path: '/api/card-login/verify' },
  { method: 'POST', path: '/api/payments', as: clerk },
  { method: 'POST', path: '/api/reassignments/resignations', as: clerk },
  { method: 'POST', path: '/api/lookup/reveal', as: clerk },
]

const deepArrays = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`
const deepObjects = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`

const malformed: [string, string][] = [
  ['truncated', '{"username":"adm'],
  ['truncated after a key', '{"username"'],
  ['trailing garbage', '{"username":"admin","password":"x"} trailing'],
  ['two documents', '{"a":1}{"b":2}'],
  ['NaN', '{"version": NaN}'],
  ['Infinity', '{"version": Infinity}'],
  ['undefined', '{"version": undefined}'],
  ['single quotes', "{'username':'admin'}"],
  ['a comment', '{"username":"admin" /* comment */}'],
  ['a trailing comma', '{"username":"admin",}'],
  ['an unescaped control character', '{"username":"ad\u0001min"}'],
  ['an invalid escape', '{"username":"\\x41"}'],
  ['a lone closing brace', '}'],
  ['an empty body', ''],
  ['whitespace only', ' \n\t '],
  ['a UTF-8 BOM before the document', '\uFEFF{"a":1}'],
  ['top-level array', '[]'],
  ['top-level array of a valid object', '[{"username":"admin","password":"x"}]'],
  ['top-level null', 'null'],
  ['top-level string', '"admin"'],
  ['top-level number', '42'],
  ['top-level true', 'true'],
  ['100,000 nested arrays', deepArrays(100_000)],
  ['400,000 nested arrays (under 1 MB)', deepArrays(400_000)],
  ['100,000 nested objects', deepObjects(100_000)],
  ['100,000 nested arrays inside a field', `{"username":${deepArrays(100_000)},"password":"x"}`],
  ['100,000 nested arrays inside the online application', `{"application":{"ubn":${deepArrays(100_000)}},"certificate":"x","signature":"y"}`],
  ['a prototype-polluting __proto__ key', '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"isAdmin":true}}}'],
  ['50,000 unknown keys', JSON.stringify(Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, i])))],
  ['a 900 KB string', JSON.stringify({ username: 'a'.repeat(900_000), password: 'x' })],
]

describe('malformed JSON bodies', () => {
  it.each(malformed)('%s: a 4xx on every JSON route, nothing written', async (_what, raw) => {
    const before = snapshot(t, root)
    for (const r of routes()) {
      const res = await t.call(r.method, r.path, { raw, as: r.as, headers: { 'content-type': 'application/json' } })
      expectRefused(res, `${r.path} ${_what}`)
    }
    expectNothingWritten(t, before, root)
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined()
    await expectHealthy(t)
  })

  it('JSON syntax errors are MALFORMED_JSON in both languages', async () => {
    const zh = await t.call('POST', '/api/staff', { raw: '{"username":', as: admin, headers: { 'content-type': 'application/json' } })
    expect(zh.json.error).toMatchObject({ code: 'MALFORMED_JSON', message: '請求內容不是有效的 JSON' })
    const en = await t.call('POST', '/api/staff', { raw: '{"version": NaN}', as: admin, headers: { 'content-type': 'application/json', 'accept-language': 'en' } })
    expect(en.status).toBe(400)
    expect(en.json.error).toMatchObject({ code: 'MALFORMED_JSON', message: 'The request body is not valid JSON' })
  })

  it('a deeply nested body is a 400 naming the field, not a RangeError and a 500', async () => {
    const res = await t.call('POST', '/api/staff', { raw: `{"username":"x.user","displayName":${deepArrays(100_000)}}`, as: admin, headers: { 'content-type': 'application/json', 'accept-language': 'en' } })
    expect(res.status).toBe(400)
    expect(res.json.error.fieldErrors.displayName).toBe('Wrong type of value')
  })

  it('duplicate keys: the last one counts, for the check and for the use alike (no parser differential)', async () => {
    const before = snapshot(t, root)
    const raw = '{"username":"dup.user","displayName":"重複","officeCode":"AA","roles":["clerk"],"roles":"admin"}'
    const res = await t.call('POST', '/api/staff', { raw, as: admin, headers: { 'content-type': 'application/json', 'accept-language': 'en' } })
    expect(res.status).toBe(400)
    expect(Object.keys(res.json.error.fieldErrors)).toEqual(['roles'])
    expectNothingWritten(t, before, root)
  })
})

describe('bodies over the limit', () => {
  it('a declared Content-Length over 1 MB is refused with 413 before anything is read', async () => {
    const before = snapshot(t, root)
    let pulled = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 65_536
        controller.enqueue(new Uint8Array(65_536))
      },
    })
    const res = await t.app.request('/api/staff', { method: 'POST', body, duplex: 'half', headers: { 'content-type': 'application/json', 'content-length': String(2 * 1024 ** 3), cookie: admin.cookie, 'x-csrf-token': admin.csrfToken } } as RequestInit)
    expect(res.status).toBe(413)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('PAYLOAD_TOO_LARGE')
    expect(pulled).toBeLessThan(1024 * 1024)
    expectNothingWritten(t, before, root)
  })

  it('an endless body without a length is read only to the limit, then refused with 413', async () => {
    const before = snapshot(t, root)
    for (const [path, limit, as] of [['/api/staff', 1024 * 1024, admin], ['/api/auth/login', 1024 * 1024, undefined], ['/api/applications/1/attachments', 10 * 1024 * 1024 + 64 * 1024, clerk]] as const) {
      let pulled = 0
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          pulled += 65_536
          controller.enqueue(new TextEncoder().encode('['.repeat(65_536)))
        },
      })
      const headers: Record<string, string> = { 'content-type': path.endsWith('attachments') ? 'multipart/form-data; boundary=x' : 'application/json', 'transfer-encoding': 'chunked' }
      if (as) Object.assign(headers, { cookie: as.cookie, 'x-csrf-token': as.csrfToken })
      const res = await t.app.request(path, { method: 'POST', body, duplex: 'half', headers } as RequestInit)
      expect(res.status, path).toBe(413)
      // the limit, plus what the stream had queued when the limit was passed
      expect(pulled, path).toBeLessThan(limit + 4 * 65_536)
    }
    expectNothingWritten(t, before, root)
    await expectHealthy(t)
  })
})

describe('wrong content types', () => {
  const types = ['text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'text/html', 'application/jsonx', 'image/svg+xml', 'application/octet-stream']

  it.each(types)('%s on a JSON route: 415, even when the body is valid JSON', async (type) => {
    const before = snapshot(t, root)
    for (const r of routes()) {
      const res = await t.call(r.method, r.path, { raw: '{"username":"admin","password":"x"}', as: r.as, headers: { 'content-type': type } })
      expect(res.status, `${r.path} ${type}`).toBe(415)
      expect(res.json.error.code).toBe('UNSUPPORTED_MEDIA_TYPE')
    }
    expectNothingWritten(t, before, root)
  })

  it('a body with no content type, multipart on a JSON route, or JSON in UTF-16: a 4xx', async () => {
    const before = snapshot(t, root)
    const utf16 = new Uint8Array(Buffer.from('\uFEFF{"username":"admin","password":"x"}', 'utf16le'))
    for (const r of routes()) {
      const headers = { ...(r.as ? { cookie: r.as.cookie, 'x-csrf-token': r.as.csrfToken } : {}) }
      // on the wire a body always comes with a length or chunks; here the length is said outright
      const bare = await t.app.request(r.path, { method: r.method, body: '{"a":1}', headers: { ...headers, 'content-type': '', 'content-length': '7' } })
      expect(bare.status, r.path).toBe(415)
      const multipart = await t.call(r.method, r.path, { raw: '--x\r\nContent-Disposition: form-data; name="username"\r\n\r\nadmin\r\n--x--\r\n', as: r.as, headers: { 'content-type': 'multipart/form-data; boundary=x' } })
      expectRefused(multipart, `${r.path} multipart`)
      const wide = await t.app.request(r.path, { method: r.method, body: utf16, headers: { ...headers, 'content-type': 'application/json; charset=utf-16' } })
      expect(wide.status, `${r.path} UTF-16`).toBeGreaterThanOrEqual(400)
      expect(wide.status, `${r.path} UTF-16`).toBeLessThan(500)
    }
    expectNothingWritten(t, before, root)
  })

  it('a compressed body (Content-Encoding: gzip) is refused with 415 and is never inflated', async () => {
    const before = snapshot(t, root)
    const res = await t.call('POST', '/api/staff', { raw: '\x1f\x8b\x08\x00', as: admin, headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', 'accept-language': 'en' } })
    expect(res.status).toBe(415)
    expect(res.json.error.message).toBe('Compressed request bodies (Content-Encoding) are not accepted')
    expectNothingWritten(t, before, root)
  })
})
