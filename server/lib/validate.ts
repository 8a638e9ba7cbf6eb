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

/** Maps one zod issue to a shared message key (core/messages.ts) with its parameters. */
export function issueMessage(issue: Issue, data: unknown): { key: string; params?: Params } {
  const params: Params = {}
  if ('minimum' in issue) params.min = Number(issue.minimum)
  if ('maximum' in issue) params.max = Number(issue.maximum)
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

export function validationError(error: z.ZodError, data: unknown): AppError {
  const fieldErrors: Record<string, { key: string; params?: Params }> = {}
  for (const issue of error.issues) {
    const fields = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k]) : [issue.path]
    for (const path of fields) {
      const name = path.map(String).join('.') || '_'
      fieldErrors[name] ??= issueMessage(issue, data)
    }
  }
  return new AppError('VALIDATION_FAILED', { fieldErrors })
}

/** zod validation of one part of the request; failures become one VALIDATION_FAILED error naming each field. */
export function valid<T extends z.ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  return zValidator(target, schema, (result) => {
    if (!result.success) throw validationError(result.error as unknown as z.ZodError, result.data)
  })
}

/** `/:id` path parameters: a positive integer. */
export const idParam = z.object({ id: z.coerce.number({ message: 'invalidType' }).int().positive({ message: 'invalidFormat' }) })
