const escapeLike = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`)

/** A LIKE pattern for "contains", with the user's own % and _ taken literally (use with ESCAPE '\\'). */
export function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`
}

/** A LIKE pattern for "starts with", with the user's own % and _ taken literally (use with ESCAPE '\\'). */
export function startsWithPattern(text: string): string {
  return `${escapeLike(text)}%`
}

/** Office scoping: headquarters staff see every office, everyone else only their own. */
export function officeScope(officeCode: string): string | null {
  return officeCode === 'I' ? null : officeCode
}
