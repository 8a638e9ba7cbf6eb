import { interpolate, type Language } from '@core/i18n'
import { fieldMessages, isFieldMessageKey, type FieldMessageKey } from '@core/messages'
import type { z } from 'zod'

/** A client-side field error, kept language-neutral so it re-renders when the language changes. */
export interface FieldIssue {
  key: FieldMessageKey
  params?: Record<string, string | number>
}

type Issue = z.core.$ZodIssue

/** The contracts use fieldMessages keys as zod messages; zod's own default messages map by issue code. */
function keyOf(issue: Issue): FieldMessageKey {
  if (isFieldMessageKey(issue.message)) return issue.message
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'required' : 'invalidType'
    case 'too_small':
      return issue.origin === 'string' ? 'tooShort' : 'tooSmall'
    case 'too_big':
      return issue.origin === 'string' ? 'tooLong' : 'tooBig'
    case 'invalid_format':
      return issue.format === 'email' ? 'invalidEmail' : 'invalidFormat'
    case 'invalid_value':
      return 'invalidOption'
    case 'unrecognized_keys':
      return 'unknownField'
    default:
      return 'invalidFormat'
  }
}

function paramsOf(issue: Issue): FieldIssue['params'] {
  if (issue.code === 'too_small') return { min: Number(issue.minimum) }
  if (issue.code === 'too_big') return { max: Number(issue.maximum) }
  return undefined
}

/** zod issues → one issue per field path ('a.b'), the first one found, as users fix one thing at a time. */
export function issuesByField(issues: readonly Issue[]): Record<string, FieldIssue> {
  const out: Record<string, FieldIssue> = {}
  for (const issue of issues) {
    const field = issue.path.map(String).join('.') || '_'
    if (!(field in out)) out[field] = { key: keyOf(issue), params: paramsOf(issue) }
  }
  return out
}

export function fieldIssueText(issue: FieldIssue, language: Language): string {
  return interpolate(fieldMessages[issue.key][language], issue.params)
}

export function localizeIssues(issues: Record<string, FieldIssue>, language: Language): Record<string, string> {
  return Object.fromEntries(Object.entries(issues).map(([field, issue]) => [field, fieldIssueText(issue, language)]))
}

export type Validation<T> = { ok: true; data: T } | { ok: false; issues: Record<string, FieldIssue> }

/** Validates form input with the same schema the server uses. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): Validation<z.output<S>> {
  const result = schema.safeParse(input)
  return result.success ? { ok: true, data: result.data } : { ok: false, issues: issuesByField(result.error.issues) }
}
