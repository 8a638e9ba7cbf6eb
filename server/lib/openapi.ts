import type { RouterRoute } from 'hono/types'
import type { z } from 'zod'
import { portalAccess, type Access } from '../../core/contracts/roles'
import type { ErrorCode } from '../../core/errors'
import { errorCodes, errorSchema, securitySchemes, toJsonSchema, type JsonSchema } from './openapi.components'
import { handReadForms, summaries } from './openapi.notes'
import type { Validates } from './validate'

export interface Parameter {
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required: boolean
  description?: string
  schema: JsonSchema
  style?: 'form'
  explode?: boolean
}
type Content = Record<string, { schema: JsonSchema }>
export interface Operation {
  tags: string[]
  summary: string
  operationId: string
  parameters: Parameter[]
  requestBody?: { required: true; content: Content }
  responses: Record<string, { description: string; content?: Content }>
  security: Record<string, string[]>[]
  'x-certdesk-access': Access[]
}
export interface OpenApiDocument {
  openapi: string
  info: { title: string; version: string; description: string }
  jsonSchemaDialect: string
  tags: { name: string }[]
  paths: Record<string, Record<string, Operation>>
  components: {
    schemas: Record<string, JsonSchema>
    securitySchemes: typeof securitySchemes
    'x-certdesk-error-codes': typeof errorCodes
  }
}

/** One API route with what its middleware declares: allow()'s `access` and each valid()'s `validates`. */
export interface RouteFacts {
  method: string
  path: string
  access: readonly Access[]
  validates: Validates[]
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS'])
const DESCRIPTION = [
  'The Certdesk API, generated from the running app: its routes, their allow(...) policies and the zod contracts in core/contracts that validate their input.',
  'Bodies are JSON unless a route uploads a file (multipart/form-data). Messages follow Accept-Language (zh-TW or en).',
  'Staff routes act through the certdesk_sid cookie, portal routes through certdesk_portal; a state change through either also sends the session\'s csrfToken as X-CSRF-Token.',
  'Every error is {"error":{"code","message","fieldErrors"?,"rows"?,"requestId"?}} with the status of its code (components.x-certdesk-error-codes).',
  'Success bodies are typed in core/contracts as TypeScript interfaces, which this document does not carry yet.',
].join('\n\n')

/** app.routes has one entry per handler; this gathers them into one per method and path under `prefix`. */
export function collectRoutes(routes: readonly RouterRoute[], prefix = '/api/'): RouteFacts[] {
  const byKey = new Map<string, RouteFacts>()
  for (const r of routes) {
    if (!r.path.startsWith(prefix) || r.path.includes('*') || r.method === 'ALL') continue
    const key = `${r.method} ${r.path}`
    const facts = byKey.get(key) ?? { method: r.method, path: r.path, access: [], validates: [] }
    const declared = r.handler as { access?: readonly Access[]; validates?: Validates }
    if (declared.access) facts.access = declared.access
    if (declared.validates) facts.validates.push(declared.validates)
    byKey.set(key, facts)
  }
  return [...byKey.values()]
}

/** Hono's `/:id` and `/:file{regex}` as OpenAPI's `/{id}`, with the names in order. */
export function templatePath(path: string): { path: string; params: { name: string; pattern?: string }[] } {
  const params: { name: string; pattern?: string }[] = []
  const templated = path.replace(/:(\w+)(?:\{((?:[^{}]|\{[^{}]*\})+)\})?/g, (_m, name: string, pattern?: string) => {
    params.push(pattern ? { name, pattern: `^${pattern}$` } : { name })
    return `{${name}}`
  })
  return { path: templated, params }
}

function tagOf(path: string): string {
  const [, first, second] = path.split('/').filter(Boolean)
  // The portal's routes would otherwise make one tag of six workflows; /api/portal/<workflow> keeps them apart.
  return first === 'portal' && second ? `portal/${second}` : (first ?? 'api')
}

function operationId(method: string, path: string): string {
  const words = path.split('/').slice(2).flatMap((s) => (s.startsWith(':') ? ['by', s.slice(1)] : s.split(/[^a-zA-Z0-9]+/)))
  return method.toLowerCase() + words.filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('')
}

/** A query (or header, cookie) schema as one parameter per property, as clients write them. */
function fieldParameters(where: 'query' | 'header' | 'cookie', schema: JsonSchema): Parameter[] {
  const properties = schema.properties as Record<string, JsonSchema> | undefined
  if (schema.type !== 'object' || !properties) return [{ name: where, in: where, required: false, schema, style: 'form', explode: true }]
  const required = new Set((schema.required as string[] | undefined) ?? [])
  return Object.entries(properties).map(([name, { description, ...prop }]) => ({
    name,
    in: where,
    required: required.has(name),
    ...(typeof description === 'string' ? { description } : {}),
    schema: prop,
  }))
}

function accessKind(access: readonly Access[]): 'public' | 'portal' | 'staff' {
  if (access.includes('public')) return 'public'
  return access.some((a) => (portalAccess as readonly Access[]).includes(a)) ? 'portal' : 'staff'
}

/** The errors this route's middleware can answer (allow, valid, csrfProtection, the body limit); the rest is `default`. */
function responses(r: RouteFacts, hasJson: boolean, validated: boolean): Operation['responses'] {
  const codes: ErrorCode[] = []
  if (validated) codes.push('VALIDATION_FAILED')
  if (hasJson) codes.push('MALFORMED_JSON')
  if (!SAFE.has(r.method)) codes.push('CSRF_FAILED', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE')
  if (accessKind(r.access) !== 'public') {
    const signedInOnly = r.access.includes('signed-in') || r.access.includes('portal-signed-in')
    codes.push('UNAUTHENTICATED', 'SESSION_EXPIRED')
    if (!signedInOnly) codes.push('PASSWORD_CHANGE_REQUIRED')
    if (!signedInOnly && !r.access.includes('staff') && !r.access.includes('portal')) codes.push('FORBIDDEN')
  }
  const error = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } }
  const out: Operation['responses'] = { '2XX': { description: 'Success: JSON typed in core/contracts, a file, or no content (204)' } }
  for (const code of codes) {
    const status = String(errorCodes[code].status)
    out[status] = { description: out[status] ? `${out[status].description}, ${code}` : code, content: error }
  }
  out.default = { description: 'Any other code of components.x-certdesk-error-codes, with its status (NOT_FOUND 404, CONFLICT 409, …)', content: error }
  return out
}

function operation(r: RouteFacts, shared: Record<string, JsonSchema>): Operation {
  const key = `${r.method} ${r.path}`
  const id = operationId(r.method, r.path)
  const schemaOf = (target: string) => r.validates.find((v) => v.target === target)?.schema
  const convert = (schema: z.ZodType, part: string) => toJsonSchema(schema, `${id}.${part}`, shared)
  const param = schemaOf('param')
  const paramProps = ((param && convert(param, 'param').properties) ?? {}) as Record<string, JsonSchema>
  const parameters: Parameter[] = templatePath(r.path).params.map(({ name, pattern }) => ({
    name,
    in: 'path',
    required: true,
    schema: paramProps[name] ?? { type: 'string', ...(pattern ? { pattern } : {}) },
  }))
  for (const where of ['query', 'header', 'cookie'] as const) {
    const schema = schemaOf(where)
    if (schema) parameters.push(...fieldParameters(where, convert(schema, where)))
  }
  const json = schemaOf('json')
  const form = schemaOf('form') ?? handReadForms[key]
  const body: Content | undefined = json
    ? { 'application/json': { schema: convert(json, 'body') } }
    : form && { 'multipart/form-data': { schema: convert(form, 'body') } }
  const kind = accessKind(r.access)
  const session = kind === 'portal' ? 'portalSession' : 'staffSession'
  return {
    tags: [tagOf(r.path)],
    summary: summaries[key] ?? key,
    operationId: id,
    parameters,
    ...(body ? { requestBody: { required: true, content: body } } : {}),
    responses: responses(r, Boolean(json), r.validates.length > 0 || Boolean(form)),
    security: kind === 'public' ? [] : [SAFE.has(r.method) ? { [session]: [] } : { [session]: [], csrfToken: [] }],
    'x-certdesk-access': [...r.access],
  }
}

/** The OpenAPI 3.1 document of an app's API routes. Pure: the same app gives the same document. */
export function buildOpenApiDocument(app: { routes: readonly RouterRoute[] }, options: { version: string }): OpenApiDocument {
  const shared: Record<string, JsonSchema> = {}
  const paths: OpenApiDocument['paths'] = {}
  for (const r of collectRoutes(app.routes)) {
    const path = templatePath(r.path).path
    paths[path] = { ...paths[path], [r.method.toLowerCase()]: operation(r, shared) }
  }
  const tags = [...new Set(Object.values(paths).flatMap((item) => Object.values(item).flatMap((op) => op.tags)))].sort()
  return {
    openapi: '3.1.1',
    info: { title: 'Certdesk API', version: options.version, description: DESCRIPTION },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    tags: tags.map((name) => ({ name })),
    paths,
    components: { schemas: { Error: errorSchema, ...shared }, securitySchemes, 'x-certdesk-error-codes': errorCodes },
  }
}
