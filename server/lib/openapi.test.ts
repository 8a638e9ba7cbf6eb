import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { errorTable } from '../../core/errors'
import { buildOpenApiDocument, collectRoutes, templatePath, type OpenApiDocument, type Operation } from './openapi'
import { toJsonSchema, type JsonSchema } from './openapi.components'
import { openApi31Problems } from './openapi.meta'
import { handReadForms, summaries } from './openapi.notes'
import { createTestApp } from './testing'

let t: Awaited<ReturnType<typeof createTestApp>>
let doc: OpenApiDocument
beforeAll(async () => {
  t = await createTestApp()
  doc = buildOpenApiDocument(t.app, { version: '9.9.9' })
})
afterAll(() => t.close())

const op = (method: string, path: string): Operation => {
  const found = doc.paths[path]?.[method]
  if (!found) throw new Error(`${method.toUpperCase()} ${path} is not in the document`)
  return found
}
const operations = () => Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, o]) => ({ path, method, op: o })))
const props = (schema: JsonSchema) => schema.properties as Record<string, JsonSchema>

describe('the OpenAPI document', () => {
  it('keeps the rules of the OpenAPI 3.1 meta-schema and the specification (checked by openapi.meta.ts)', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/)
    expect(doc.info).toMatchObject({ title: 'Certdesk API', version: '9.9.9' })
    expect(openApi31Problems(doc)).toEqual([])
  })

  it('the meta-schema check finds what it is there to find', () => {
    const broken = structuredClone(doc) as unknown as { openapi: string; paths: Record<string, Record<string, Record<string, unknown>>> }
    broken.openapi = '3.0.3'
    broken.paths['/api/staff/{id}']!.get!.parameters = []
    broken.paths['/api/staff']!.post!.responses = { ok: { description: 'x' } }
    broken.paths['/api/staff']!.get!.security = [{ nobody: [] }]
    broken.paths['/api/staff']!.get!.operationId = 'getStaffById'
    const problems = openApi31Problems(broken).join('\n')
    expect(problems).toMatch(/^openapi:/m)
    expect(openApi31Problems({ ...broken, openapi: '3.1.0' }).join('\n')).toMatch(/paths\.\/api\/staff\.post\.responses/)
    delete broken.paths['/api/staff']!.post!.responses
    const semantic = openApi31Problems({ ...broken, openapi: '3.1.0' }).join('\n')
    expect(semantic).toMatch(/GET \/api\/staff\/\{id\}: path parameters \[\] do not match the template \[id\]/)
    expect(semantic).toMatch(/unknown security scheme nobody/)
    expect(semantic).toMatch(/operationId getStaffById is not unique/)
  })

  it('has every API route of the app with its method, and nothing else', () => {
    const routes = t.app.routes.filter((r) => r.path.startsWith('/api/') && !r.path.includes('*') && r.method !== 'ALL')
    const fromApp = new Set(routes.map((r) => `${r.method.toLowerCase()} ${templatePath(r.path).path}`))
    const inDocument = new Set(operations().map(({ method, path }) => `${method} ${path}`))
    expect(fromApp.size).toBeGreaterThan(80)
    expect([...inDocument].sort()).toEqual([...fromApp].sort())
    for (const p of ['get /api/openapi.json', 'get /api/docs', 'get /api/health', 'delete /api/portal/registrations/{id}']) expect(inDocument).toContain(p)
  })

  it('declares every path parameter as required, typed by the route\'s param schema', () => {
    for (const { path, method, op: o } of operations()) {
      for (const name of templatePath(path.replace(/\{(\w+)\}/g, ':$1')).params.map((p) => p.name)) {
        expect(o.parameters.find((p) => p.in === 'path' && p.name === name), `${method} ${path} {${name}}`).toMatchObject({ required: true })
      }
    }
    expect(op('get', '/api/staff/{id}').parameters).toEqual([{ name: 'id', in: 'path', required: true, schema: { type: 'integer', exclusiveMinimum: 0, maximum: Number.MAX_SAFE_INTEGER } }])
    expect(op('get', '/api/broker-records/brokers/{code}').parameters[0]!.schema).toMatchObject({ type: 'string', pattern: '^([ABCD])(\\d{5})$' })
  })

  it('gives every request body a schema, and every json or form validator a request body', () => {
    for (const { path, method, op: o } of operations()) {
      for (const [type, media] of Object.entries(o.requestBody?.content ?? {})) {
        expect(media.schema.type ?? media.schema.oneOf ?? media.schema.$ref, `${method} ${path} ${type}`).toBeDefined()
      }
    }
    for (const r of collectRoutes(t.app.routes)) {
      const o = op(r.method.toLowerCase(), templatePath(r.path).path)
      const targets = r.validates.map((v) => v.target)
      if (targets.includes('json')) expect(Object.keys(o.requestBody!.content), r.path).toEqual(['application/json'])
      if (targets.includes('form')) expect(Object.keys(o.requestBody!.content), r.path).toEqual(['multipart/form-data'])
      if (targets.includes('query')) expect(o.parameters.some((p) => p.in === 'query'), r.path).toBe(true)
    }
  })

  it('documents POST /api/portal/accounts with the registerRequest fields of both categories and their required lists', () => {
    const o = op('post', '/api/portal/accounts')
    expect(o.security).toEqual([])
    expect(o['x-certdesk-access']).toEqual(['public'])
    expect(o.summary).toBe('Register a portal account with a card')
    const shapes = o.requestBody!.content['application/json']!.schema.oneOf as JsonSchema[]
    expect(shapes).toHaveLength(2)
    const [individual, company] = shapes as [JsonSchema, JsonSchema]
    const basic = ['nonce', 'certificate', 'signature', 'email', 'contactName', 'phone', 'address', 'password', 'passwordConfirm']
    expect(props(individual).category).toEqual({ type: 'string', const: 'individual' })
    expect(individual.required).toEqual(expect.arrayContaining(['category', 'attribute', ...basic, 'idNumber', 'birthDate']))
    expect(props(company).attribute!.enum).toContain('customs-broker')
    expect(company.required).toEqual(expect.arrayContaining(['category', 'attribute', ...basic, 'ubn', 'companyName', 'representative', 'companyPhone', 'companyAddress']))
    expect(company.additionalProperties).toBe(false)
  })

  it('documents the query parameters of GET /api/applications, none required, with their enums and defaults', () => {
    const o = op('get', '/api/applications')
    const query = Object.fromEntries(o.parameters.filter((p) => p.in === 'query').map((p) => [p.name, p]))
    expect(Object.keys(query).sort()).toEqual(['channel', 'cursor', 'from', 'kind', 'limit', 'officeCode', 'order', 'overdue', 'q', 'service', 'sort', 'status', 'to'])
    expect(Object.values(query).every((p) => !p.required)).toBe(true)
    expect(query.status!.schema.enum).toContain('draft')
    expect(query.limit!.schema).toMatchObject({ type: 'integer', default: 50, maximum: 200 })
    expect(query.from!.schema).toMatchObject({ type: 'string', format: 'date' })
    expect(o['x-certdesk-access']).toEqual(['clerk', 'supervisor', 'auditor', 'admin'])
    expect(o.security).toEqual([{ staffSession: [] }])
    expect(o.tags).toEqual(['applications'])
  })

  it('asks for the session cookie and the CSRF token on state changes, of the session the route acts through', () => {
    const disable = op('post', '/api/staff/{id}/disable')
    expect(disable.security).toEqual([{ staffSession: [], csrfToken: [] }])
    expect(disable.responses['403']!.description).toBe('CSRF_FAILED, PASSWORD_CHANGE_REQUIRED, FORBIDDEN')
    expect(disable.responses['401']!.description).toBe('UNAUTHENTICATED, SESSION_EXPIRED')
    expect(op('delete', '/api/portal/registrations/{id}').security).toEqual([{ portalSession: [], csrfToken: [] }])
    expect(op('get', '/api/portal/auth/me').security).toEqual([{ portalSession: [] }])
    expect(op('get', '/api/portal/auth/me').responses['403']).toBeUndefined()
    expect(op('post', '/api/auth/login').security).toEqual([])
    expect(op('post', '/api/auth/login').responses['401']).toBeUndefined()
    expect(op('post', '/api/auth/login').responses['400']!.description).toBe('VALIDATION_FAILED, MALFORMED_JSON')
    expect(op('get', '/api/portal/applications').tags).toEqual(['portal/applications'])
  })

  it('documents uploads as multipart forms, the hand-read ones from their notes', () => {
    const bankFile = op('post', '/api/payments/import').requestBody!.content['multipart/form-data']!.schema
    expect(props(bankFile).file).toMatchObject({ type: 'string', format: 'binary' })
    const scan = op('post', '/api/portal/bindings').requestBody!.content['multipart/form-data']!.schema
    expect(Object.keys(props(scan))).toEqual(['file', 'cardKind'])
    expect(props(scan).cardKind!.enum).toBeDefined()
  })

  it('documents the one error shape with every code of core/errors.ts and its status', () => {
    const error = props(props(doc.components.schemas.Error!).error!)
    expect(error.code!.enum).toEqual(Object.keys(errorTable))
    expect(Object.keys(error)).toEqual(['code', 'message', 'fieldErrors', 'rows', 'requestId'])
    for (const [code, e] of Object.entries(errorTable)) expect(doc.components['x-certdesk-error-codes'][code as keyof typeof errorTable].status).toBe(e.status)
    for (const { op: o } of operations()) expect(o.responses.default!.content!['application/json']!.schema).toEqual({ $ref: '#/components/schemas/Error' })
    expect(doc.components.securitySchemes.staffSession).toMatchObject({ in: 'cookie', name: 'certdesk_sid' })
    expect(doc.components.securitySchemes.portalSession).toMatchObject({ in: 'cookie', name: 'certdesk_portal' })
    expect(doc.components.securitySchemes.csrfToken.name.toLowerCase()).toBe('x-csrf-token')
  })

  it('keeps its notes in step with the app: every note names a route, and hand-read forms have no validator', () => {
    const routes = new Map(collectRoutes(t.app.routes).map((r) => [`${r.method} ${r.path}`, r]))
    for (const key of Object.keys(summaries)) expect(routes.has(key), `summary for ${key}`).toBe(true)
    for (const key of Object.keys(handReadForms)) {
      expect(routes.get(key)?.validates.map((v) => v.target), `hand-read form of ${key}`).not.toContain('form')
      expect(routes.get(key)?.validates.map((v) => v.target), `hand-read form of ${key}`).not.toContain('json')
    }
  })
})

describe('the parts', () => {
  it('turns Hono paths into OpenAPI templates, regex parameters with their pattern', () => {
    expect(templatePath('/api/applications/:id/attachments/:attachmentId')).toEqual({ path: '/api/applications/{id}/attachments/{attachmentId}', params: [{ name: 'id' }, { name: 'attachmentId' }] })
    expect(templatePath('/crl/:file{[a-z0-9-]+\\.crl}')).toEqual({ path: '/crl/{file}', params: [{ name: 'file', pattern: '^[a-z0-9-]+\\.crl$' }] })
  })

  it('moves zod\'s $defs and a recursive root into components, so every reference resolves in the document', () => {
    const shared: Record<string, JsonSchema> = {}
    const leaf = z.object({ v: z.string(), get kids() { return z.array(leaf) } })
    expect(toJsonSchema(z.object({ a: leaf, b: leaf }), 'op.body', shared)).toMatchObject({ properties: { a: { $ref: '#/components/schemas/op.body.__schema0' } } })
    expect(shared['op.body.__schema0']).toMatchObject({ properties: { kids: { items: { $ref: '#/components/schemas/op.body.__schema0' } } } })
    const node: z.ZodType = z.object({ name: z.string(), get children() { return z.array(node) } })
    expect(toJsonSchema(node, 'tree', shared)).toEqual({ $ref: '#/components/schemas/tree' })
    expect(shared.tree).toMatchObject({ properties: { children: { items: { $ref: '#/components/schemas/tree' } } } })
    expect(shared.tree!.$schema).toBeUndefined()
  })
})
