import { zValidator } from '@hono/zod-validator'
import type { ValidationTargets } from 'hono'
import { z } from 'zod'
import { AppError, type Params } from '../../core/errors'
import { isFieldMessageKey } from '../../core/messages'

type Issue = z.core.$ZodIssue

function valueAt(data: unknown, path: PropertyKey[]): unknown {
  let v: unknown = data
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined
    v = (v as Record<PropertyKey, unknown>)[key]
  }
  return v
}

/** Messages that say a value is wrong in general; for a value that is simply missing, "required" says more. */
const GENERIC = new Set(['invalidType', 'invalidOption', 'unknownOffice', 'invalidFormat', 'invalidDate'])

/** The most telling issue inside (possibly nested) union branches: one with a specific message. */
function tellingIssue(issue: Issue): Issue | undefined {
  if (issue.code !== 'invalid_union') return isFieldMessageKey(issue.message) && issue.message !== 'invalidType' ? issue : undefined
  for (const branch of issue.errors) for (const inner of branch) {
    const found = tellingIssue(inner as Issue)
    if (found) return found
  }
  return undefined
}

/** Maps one zod issue to a shared message key (core/messages.ts) with its parameters. */
export function issueMessage(issue: Issue, data: unknown): { key: string; params?: Params } {
  const params: Params = {}
  if ('minimum' in issue) params.min = Number(issue.minimum)
  if ('maximum' in issue) params.max = Number(issue.maximum)
  // Nothing was given: "required", whatever the schema would say about a wrong value (an unpicked office
  // is missing, not an unknown office).
  const given = valueAt(data, issue.path)
  const specific = isFieldMessageKey(issue.message) && !GENERIC.has(issue.message)
  if ((given === undefined || given === '') && !specific && issue.code !== 'custom' && issue.code !== 'unrecognized_keys') return { key: 'required' }
  if (issue.code === 'invalid_union') {
    // An optional field is a union of "empty" and the real schema: report what the real schema said.
    const telling = tellingIssue(issue)
    if (telling) return issueMessage({ ...telling, path: issue.path } as Issue, data)
  }
  if (issue.code === 'invalid_type') {
    return { key: valueAt(data, issue.path) === undefined ? 'required' : 'invalidType' }
  }
  if (isFieldMessageKey(issue.message)) return { key: issue.message, params }
  switch (issue.code) {
    case 'too_small':
      return { key: issue.origin === 'string' ? 'tooShort' : 'tooSmall', params }
    case 'too_big':
      return { key: issue.origin === 'string' ? 'tooLong' : 'tooBig', params }
    case 'invalid_value':
      return { key: 'invalidOption' }
    case 'unrecognized_keys':
      return { key: 'unknownField' }
    default:
      return { key: 'invalidFormat' }
  }
}

/**
 * At most this many fields are named: a form has fewer, and a body of 50,000 unknown keys must not cost seconds
 * of work and a megabyte of answer.
 */
export const MAX_FIELD_ERRORS = 100

export function validationError(error: z.ZodError, data: unknown): AppError {
  const fieldErrors: Record<string, { key: string; params?: Params }> = {}
  let named = 0
  for (const issue of error.issues) {
    const fields = issue.code === 'unrecognized_keys' ? issue.keys.slice(0, MAX_FIELD_ERRORS).map((k) => [...issue.path, k]) : [issue.path]
    let message: { key: string; params?: Params } | undefined
    for (const path of fields) {
      const name = path.map(String).join('.') || '_'
      if (name in fieldErrors) continue
      if (named++ >= MAX_FIELD_ERRORS) return new AppError('VALIDATION_FAILED', { fieldErrors })
      fieldErrors[name] = message ??= issueMessage(issue, data)
    }
  }
  return new AppError('VALIDATION_FAILED', { fieldErrors })
}

/** What a valid() middleware checks: readable on it, so the API document is built from the routes themselves. */
export interface Validates {
  target: keyof ValidationTargets
  schema: z.ZodType
}

/**
 * zod validation of one part of the request; failures become one VALIDATION_FAILED error naming each field.
 * Like allow()'s `access`, the target and schema stay readable on the middleware (`validates`), so
 * server/lib/openapi.ts documents each route's parameters and body without a second list to keep in step.
 */
export function valid<T extends z.ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  const validator = zValidator(target, schema, (result) => {
    if (!result.success) throw validationError(result.error as unknown as z.ZodError, result.data)
  })
  const validates: Validates = { target, schema }
  const bodyType = BODY_TYPES[target as string]
  if (!bodyType) return Object.assign(validator, { validates })
  // Hono's validator reads a body of another type as {}: a form sent to a JSON route would be checked as an
  // empty object (and an empty draft is a valid one). A body of the wrong type is refused instead.
  const middleware: typeof validator = async (c, next) => {
    const declared = c.req.header('content-type')
    if (declared && !bodyType.test(declared.split(';')[0]!.trim())) throw new AppError('UNSUPPORTED_MEDIA_TYPE')
    return validator(c, next)
  }
  return Object.assign(middleware, { validates })
}

/** The media types a body target reads; anything else declared is a 415. */
const BODY_TYPES: Record<string, RegExp> = { json: /^application\/(?:[\w.-]+\+)?json$/i, form: /^multipart\/form-data$/i }

/** `/:id` path parameters: a positive integer. */
export const idParam = z.object({ id: z.coerce.number({ message: 'invalidType' }).int().positive({ message: 'invalidFormat' }) })
