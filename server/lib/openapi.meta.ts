import { z } from 'zod'

/**
 * The rules of the OpenAPI 3.1 meta-schema (spec.openapis.org/oas/3.1/schema) for the objects this project's
 * document uses, in zod, plus the rules the specification states in prose (path templates, unique
 * operationIds, known security schemes, references that resolve). The official meta-schema needs a JSON Schema
 * 2020-12 validator (ajv 8), which the project does not have; only the tests use this.
 */

/** An object with exactly these fields plus specification extensions (`x-…`), as the meta-schema's objects are. */
function fixed<T extends z.ZodRawShape>(shape: T) {
  return z.looseObject(shape).superRefine((value, ctx) => {
    for (const key of Object.keys(value)) {
      if (!(key in shape) && !key.startsWith('x-')) ctx.addIssue({ code: 'custom', message: `unknown field ${key}`, path: [key] })
    }
  })
}

const jsonSchema = z.union([z.boolean(), z.record(z.string(), z.unknown())])
const mediaType = fixed({ schema: jsonSchema.optional(), example: z.unknown().optional(), examples: z.record(z.string(), z.unknown()).optional(), encoding: z.record(z.string(), z.unknown()).optional() })
const content = z.record(z.string().regex(/^[\w.+-]+\/[\w.+*-]+$/), mediaType)

const styles = { path: ['matrix', 'label', 'simple'], query: ['form', 'spaceDelimited', 'pipeDelimited', 'deepObject'], header: ['simple'], cookie: ['form'] } as const
const parameter = fixed({
  name: z.string().min(1),
  in: z.enum(['path', 'query', 'header', 'cookie']),
  description: z.string().optional(),
  required: z.boolean().optional(),
  deprecated: z.boolean().optional(),
  allowEmptyValue: z.boolean().optional(),
  style: z.string().optional(),
  explode: z.boolean().optional(),
  allowReserved: z.boolean().optional(),
  schema: jsonSchema.optional(),
  content: content.optional(),
  example: z.unknown().optional(),
  examples: z.record(z.string(), z.unknown()).optional(),
})
  .refine((p) => p.in !== 'path' || p.required === true, { message: 'a path parameter must be required' })
  .refine((p) => (p.schema === undefined) !== (p.content === undefined), { message: 'a parameter has a schema or a content, not both' })
  .refine((p) => p.style === undefined || (styles[p.in] as readonly string[]).includes(p.style), { message: 'style not allowed here' })

const response = fixed({ description: z.string(), headers: z.record(z.string(), z.unknown()).optional(), content: content.optional(), links: z.record(z.string(), z.unknown()).optional() })
const operation = fixed({
  tags: z.array(z.string()).optional(),
  summary: z.string().optional(),
  description: z.string().optional(),
  externalDocs: z.unknown().optional(),
  operationId: z.string().optional(),
  parameters: z.array(parameter).optional(),
  requestBody: fixed({ description: z.string().optional(), content, required: z.boolean().optional() }).optional(),
  responses: z.record(z.string().regex(/^(?:[1-5](?:\d{2}|XX)|default)$/), response).refine((r) => Object.keys(r).length > 0, { message: 'no responses' }).optional(),
  callbacks: z.record(z.string(), z.unknown()).optional(),
  deprecated: z.boolean().optional(),
  security: z.array(z.record(z.string(), z.array(z.string()))).optional(),
  servers: z.array(z.unknown()).optional(),
})
const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const
const pathItem = fixed({
  summary: z.string().optional(),
  description: z.string().optional(),
  servers: z.array(z.unknown()).optional(),
  parameters: z.array(parameter).optional(),
  ...Object.fromEntries(methods.map((m) => [m, operation.optional()])),
})
const componentName = z.string().regex(/^[a-zA-Z0-9.\-_]+$/)
const securityScheme = z.discriminatedUnion('type', [
  fixed({ type: z.literal('apiKey'), description: z.string().optional(), name: z.string(), in: z.enum(['query', 'header', 'cookie']) }),
  fixed({ type: z.literal('http'), description: z.string().optional(), scheme: z.string(), bearerFormat: z.string().optional() }),
])
const document = fixed({
  openapi: z.string().regex(/^3\.1\.\d+(?:-.+)?$/),
  info: fixed({ title: z.string(), summary: z.string().optional(), description: z.string().optional(), termsOfService: z.string().optional(), contact: z.unknown().optional(), license: z.unknown().optional(), version: z.string() }),
  jsonSchemaDialect: z.url().optional(),
  servers: z.array(z.unknown()).optional(),
  paths: z.record(z.string().regex(/^\//), pathItem).optional(),
  webhooks: z.record(z.string(), pathItem).optional(),
  components: fixed({ schemas: z.record(componentName, jsonSchema).optional(), securitySchemes: z.record(componentName, securityScheme).optional() }).optional(),
  security: z.array(z.record(z.string(), z.array(z.string()))).optional(),
  tags: z.array(fixed({ name: z.string(), description: z.string().optional() })).optional(),
  externalDocs: z.unknown().optional(),
}).refine((d) => d.paths || d.components || d.webhooks, { message: 'needs paths, components or webhooks' })

type Doc = { paths: Record<string, Record<string, { operationId?: string; parameters?: { name: string; in: string }[]; security?: Record<string, string[]>[] }>>; components?: { securitySchemes?: object } }

/** Every `$ref` in the document, to check each one points at something. */
function refs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refs(n, out))
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.push(v)
      else refs(v, out)
    }
  }
  return out
}

function resolves(doc: unknown, ref: string): boolean {
  if (!ref.startsWith('#/')) return false
  let node: unknown = doc
  for (const part of ref.slice(2).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))) {
    if (!node || typeof node !== 'object' || !(part in node)) return false
    node = (node as Record<string, unknown>)[part]
  }
  return true
}

/** The problems found, each as "where: what"; none means the document keeps every rule checked here. */
export function openApi31Problems(input: unknown): string[] {
  const parsed = document.safeParse(input)
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
  const doc = input as Doc
  const problems: string[] = []
  const ids = new Set<string>()
  const schemes = Object.keys(doc.components?.securitySchemes ?? {})
  for (const [path, item] of Object.entries(doc.paths)) {
    const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!).sort()
    for (const method of methods) {
      const op = item[method]
      if (!op) continue
      const where = `${method.toUpperCase()} ${path}`
      const declared = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name).sort()
      if (declared.join() !== templated.join()) problems.push(`${where}: path parameters [${declared}] do not match the template [${templated}]`)
      const keys = (op.parameters ?? []).map((p) => `${p.in}:${p.name}`)
      if (new Set(keys).size !== keys.length) problems.push(`${where}: a parameter is declared twice`)
      if (op.operationId && ids.has(op.operationId)) problems.push(`${where}: operationId ${op.operationId} is not unique`)
      if (op.operationId) ids.add(op.operationId)
      for (const name of (op.security ?? []).flatMap(Object.keys)) if (!schemes.includes(name)) problems.push(`${where}: unknown security scheme ${name}`)
    }
  }
  for (const ref of refs(input)) if (!resolves(input, ref)) problems.push(`$ref ${ref} does not resolve`)
  return problems
}
