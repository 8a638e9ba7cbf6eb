import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp } from './lib/testing'

let t: Awaited<ReturnType<typeof createTestApp>>
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

// Every route's policy, the security headers, sessions and CSRF: server/security/*.test.ts
describe('the API surface', () => {
  it('answers health with {"status":"ok"}', async () => {
    const res = await t.call('GET', '/api/health')
    expect(res.status).toBe(200)
    expect(res.json).toEqual({ status: 'ok' })
  })

  it('answers health with a 503 when its database does not answer, so that the proxy sends requests elsewhere', async () => {
    const lost = await createTestApp()
    lost.close()
    const res = await lost.call('GET', '/api/health')
    expect(res.status).toBe(503)
    expect(res.json).toEqual({ status: 'unavailable', reason: 'database' })
  })

  it('answers an unknown /api path with a JSON 404 rather than the SPA', async () => {
    const res = await t.call('GET', '/api/no/such/thing')
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toMatch(/application\/json/)
    expect(res.json.error).toMatchObject({ code: 'NOT_FOUND', message: '沒有這個 API 路徑' })
    expect(res.json.error.requestId).toMatch(/^[0-9a-f-]{36}$/)
  })
})

describe('bad input gets a 4xx with the error shape, never a 500', () => {
  it('malformed JSON', async () => {
    const res = await t.call('POST', '/api/auth/login', { raw: '{"username": "admin", ', headers: { 'content-type': 'application/json' } })
    expect(res.status).toBe(400)
    expect(res.json.error.code).toBe('MALFORMED_JSON')
  })

  it('missing fields, wrong types and over-long strings name each field', async () => {
    const missing = await t.call('POST', '/api/auth/login', { body: {} })
    expect(missing.status).toBe(400)
    expect(missing.json.error.fieldErrors).toEqual({ username: '此欄位為必填', password: '此欄位為必填' })
    const wrongType = await t.call('POST', '/api/auth/login', { body: { username: 42, password: ['x'] }, headers: { 'accept-language': 'en' } })
    expect(wrongType.json.error.fieldErrors).toEqual({ username: 'Wrong type of value', password: 'Wrong type of value' })
    const long = await t.call('POST', '/api/auth/login', { body: { username: 'a'.repeat(65), password: 'x' }, headers: { 'accept-language': 'en' } })
    expect(long.json.error.fieldErrors).toEqual({ username: 'At most 64 characters' })
    const extra = await t.call('POST', '/api/auth/login', { body: { username: 'a', password: 'b', role: 'admin' } })
    expect(extra.json.error.fieldErrors.role).toBe('不接受此欄位')
  })

  it('a body over 1 MB gets a 413', async () => {
    const res = await t.call('POST', '/api/auth/login', { raw: JSON.stringify({ username: 'a', password: 'x'.repeat(1024 * 1024) }), headers: { 'content-type': 'application/json' } })
    expect(res.status).toBe(413)
    expect(res.json.error.code).toBe('PAYLOAD_TOO_LARGE')
  })

  it('a form-encoded body is refused before it reaches a route', async () => {
    const res = await t.call('POST', '/api/auth/login', { raw: 'username=admin&password=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
    expect(res.status).toBe(415)
  })

  it('a bad query parameter names the parameter', async () => {
    const admin = await t.login('admin')
    const res = await t.call('GET', '/api/staff?pageSize=100000&sort=password', { as: admin, headers: { 'accept-language': 'en' } })
    expect(res.status).toBe(400)
    expect(res.json.error.fieldErrors).toEqual({ pageSize: 'Must be at most 200', sort: 'Not one of the allowed values' })
  })
})

describe('role checks', () => {
  const cases: [string, string, number][] = [
    ['clerk.keelung', '/api/staff', 403],
    ['auditor', '/api/staff', 403],
    ['admin', '/api/staff', 200],
    ['clerk.keelung', '/api/audit', 403],
    ['helpdesk', '/api/audit', 403],
    ['auditor', '/api/audit', 200],
    ['admin', '/api/audit', 200],
    ['supervisor.taipei', '/api/dashboard', 200],
  ]
  it.each(cases)('%s GET %s → %i', async (username, path, status) => {
    const s = await t.login(username)
    const res = await t.call('GET', path, { as: s })
    expect(res.status).toBe(status)
    if (status === 403) expect(res.json.error.code).toBe('FORBIDDEN')
  })
})
