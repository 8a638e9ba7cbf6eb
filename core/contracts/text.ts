import { z } from 'zod'

/**
 * Free text as people type it into a form: names, addresses, notes, search boxes. One rule for every such
 * field (docs/security.md, input attacks):
 * - control characters (C0, DEL, C1, U+2028/U+2029) are refused; notes may hold line breaks and tabs;
 * - invisible formatting characters are refused: the bidi embeddings, overrides, isolates and marks (U+202E
 *   turns "gnp.exe" into "exe.png" on screen), zero-width space, word joiner, soft hyphen, BOM and the like,
 *   which make two different names look the same. ZWJ/ZWNJ stay (emoji sequences, some scripts), and so do
 *   variation selectors (ideographic variation sequences of Han characters in names);
 * - a lone surrogate (half of a UTF-16 pair, which JSON's \uD800 escape can carry) is refused: it cannot be
 *   stored as UTF-8;
 * - lengths count characters (code points), not UTF-16 units: 𠀋 is one character, as a clerk counts it.
 * Nothing is normalised (no NFC): NFC would turn CJK compatibility ideographs of Big5-era names into other code
 * points, and a name must come back exactly as it was keyed.
 */
export type TextProblem = 'controlCharacter' | 'invisibleCharacter' | 'brokenUnicode'

// eslint-disable-next-line no-control-regex
const CONTROL_SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/
// eslint-disable-next-line no-control-regex
const CONTROL_MULTILINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/
const INVISIBLE = /[\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

export function textProblem(value: string, opts: { multiline?: boolean } = {}): TextProblem | null {
  if (LONE_SURROGATE.test(value)) return 'brokenUnicode'
  if ((opts.multiline ? CONTROL_MULTILINE : CONTROL_SINGLE_LINE).test(value)) return 'controlCharacter'
  if (INVISIBLE.test(value)) return 'invisibleCharacter'
  return null
}

/** The text with every character the rule refuses (lone surrogates, controls, invisible ones) replaced: for file names. */
export function withoutUnsafeCharacters(value: string, replacement: string): string {
  const unsafe = new RegExp(`${LONE_SURROGATE.source}|${CONTROL_SINGLE_LINE.source}|${INVISIBLE.source}`, 'g')
  return value.replace(unsafe, replacement)
}

/** Characters as people count them: code points, so a supplementary-plane Han character is one. */
export function characterCount(value: string): number {
  let n = 0
  for (const _ of value) n++
  return n
}

/** The checks of the rule above, as a zod refinement: the characters first, then the length in characters. */
function checked(max: number, multiline: boolean) {
  return (value: string, ctx: z.RefinementCtx<string>) => {
    // more than twice as many UTF-16 units as allowed is too long whatever they are: no need to read further
    const tooLong = value.length > 2 * max
    const problem = tooLong ? null : textProblem(value, { multiline })
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value })
    else if (tooLong || characterCount(value) > max) ctx.addIssue({ code: 'too_big', origin: 'string', maximum: max, inclusive: true, message: 'tooLong', input: value })
  }
}

/** Text of at most `max` characters, trimmed; `multiline` lets line breaks and tabs through (notes, reasons). */
export function plainText(max: number, opts: { multiline?: boolean; required?: boolean } = {}) {
  const base = z.string({ message: 'required' }).trim()
  const present = opts.required ? base.min(1, { message: 'required' }) : base
  return present.superRefine(checked(max, opts.multiline ?? false)).meta({ maxLength: max })
}

/** A required single-line text: a name, an address. */
export const requiredText = (max: number) => plainText(max, { required: true })
