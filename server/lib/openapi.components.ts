import { z } from 'zod'
import { CSRF_HEADER, SESSION_COOKIE } from '../../core/contracts/auth'
import { PORTAL_SESSION_COOKIE } from '../../core/contracts/portal'
import { errorTable, type ErrorCode } from '../../core/errors'

/** A JSON Schema 2020-12 object, which is what an OpenAPI 3.1 Schema Object is. */
export type JsonSchema = Record<string, unknown>

/**
 * A contract's zod schema as the client sends it (`io: 'input'`: defaults optional, coercions as typed).
 * Checks JSON Schema cannot say (refinements, transforms) are left out rather than failing the whole document.
 * References move to components: inside an OpenAPI document `#` and `#/$defs/…` would resolve against the
 * document's root, so the definitions zod factors out, and a recursive root itself, become named components.
 */
export function toJsonSchema(schema: z.ZodType, name: string, shared: Record<string, JsonSchema>): JsonSchema {
  const { $schema: _dialect, $defs = {}, ...root } = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as JsonSchema
  let recursive = false
  const component = (def: string) => `#/components/schemas/${def ? `${name}.${def}` : name}`
  const retarget = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(retarget)
    if (node === null || typeof node !== 'object') return node
    return Object.fromEntries(
      Object.entries(node).map(([k, v]) => {
        if (k !== '$ref' || typeof v !== 'string') return [k, retarget(v)]
        if (v === '#') recursive = true
        return [k, v === '#' ? component('') : v.startsWith('#/$defs/') ? component(v.slice(8)) : v]
      }),
    )
  }
  for (const [def, body] of Object.entries($defs as Record<string, JsonSchema>)) shared[`${name}.${def}`] = retarget(body) as JsonSchema
  const converted = retarget(root) as JsonSchema
  if (!recursive) return converted
  shared[name] = converted
  return { $ref: component('') }
}

/** The one error shape on the wire (core/errors.ts `ErrorBody`), written out: the contract has it as a type only. */
export const errorSchema: JsonSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', enum: Object.keys(errorTable), description: 'One of the closed list in core/errors.ts; each code has one HTTP status.' },
        message: { type: 'string', description: "In the caller's language (Accept-Language: zh-TW or en)." },
        fieldErrors: { type: 'object', additionalProperties: { type: 'string' }, description: 'Field path (dot-separated) → message, for VALIDATION_FAILED.' },
        rows: {
          type: 'array',
          description: 'Row-level problems of an uploaded file (CSV imports): 1-based line, column, message.',
          items: { type: 'object', required: ['line', 'column', 'message'], properties: { line: { type: 'integer' }, column: { type: 'string' }, message: { type: 'string' } } },
        },
        requestId: { type: 'string', format: 'uuid', description: 'Also sent as the X-Request-Id header; quote it when reporting a problem.' },
      },
    },
  },
}

/** Every code with its status, so a reader (and docs.js) can tell what a `default` error response may carry. */
export const errorCodes = Object.fromEntries(Object.entries(errorTable).map(([code, e]) => [code, { status: e.status, message: e.en }])) as Record<
  ErrorCode,
  { status: number; message: string }
>

export const securitySchemes = {
  staffSession: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'Staff session, set by POST /api/auth/login.' },
  portalSession: {
    type: 'apiKey',
    in: 'cookie',
    name: PORTAL_SESSION_COOKIE,
    description: 'Portal session, set by POST /api/portal/auth/login/card or /login/password.',
  },
  csrfToken: {
    type: 'apiKey',
    in: 'header',
    name: CSRF_HEADER,
    description: "The session's csrfToken (from the sign-in answer or /me), required with the session cookie on every state change.",
  },
} as const
