/**
 * The only rewriting SQLite-dialect SQL gets on its way to PostgreSQL. Everything else the repos write (double-
 * quoted identifiers, `limit ?`, `on conflict do nothing`, `returning`) already means the same in both; what does
 * not is chosen per dialect in db/dialect.ts, never patched here.
 */
export interface PgStatementText {
  /** the statement with `?` placeholders numbered `$1…$n` */
  text: string
  /** how many placeholders it has */
  params: number
  /**
   * Unquoted mixed-case words, by their lowercase: PostgreSQL folds an unquoted alias (`slip_no slipNo`) to
   * lowercase where SQLite keeps it as written, so a row's keys are put back as the statement wrote them.
   * Null when every word is lowercase (almost always: drizzle quotes its aliases).
   */
  caseOf: Map<string, string> | null
}

const cache = new Map<string, PgStatementText>()
const CACHE_LIMIT = 2000

/** `?` → `$n` outside strings, quoted identifiers and comments; remembers mixed-case words. Cached per text. */
export function toPgStatement(sql: string): PgStatementText {
  const hit = cache.get(sql)
  if (hit) return hit
  const out = translate(sql)
  // drizzle builds a handful of distinct texts per query shape; the bound only guards against a caller that
  // inlines values into its SQL
  if (cache.size >= CACHE_LIMIT) cache.clear()
  cache.set(sql, out)
  return out
}

function translate(sql: string): PgStatementText {
  let text = ''
  let params = 0
  let caseOf: Map<string, string> | null = null
  let i = 0
  const n = sql.length
  while (i < n) {
    const c = sql[i]!
    if (c === "'" || c === '"' || c === '`') {
      const end = closingQuote(sql, i, c)
      text += sql.slice(i, end)
      i = end
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i)
      const stop = end === -1 ? n : end
      text += sql.slice(i, stop)
      i = stop
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2)
      const stop = end === -1 ? n : end + 2
      text += sql.slice(i, stop)
      i = stop
    } else if (c === '?') {
      text += `$${++params}`
      i++
    } else if (isWordStart(c)) {
      let j = i + 1
      while (j < n && isWordPart(sql[j]!)) j++
      const word = sql.slice(i, j)
      const lower = word.toLowerCase()
      if (lower !== word) (caseOf ??= new Map()).set(lower, word)
      text += word
      i = j
    } else if (c === '$' && /[0-9]/.test(sql[i + 1] ?? '')) {
      // a `$1` already in the text would collide with the numbering
      throw new Error(`SQL for PostgreSQL must use ? placeholders, not $n: ${sql.slice(0, 80)}`)
    } else {
      text += c
      i++
    }
  }
  return { text, params, caseOf }
}

/** The index just past the quote that closes the one at `start`; a doubled quote is an escaped quote. */
function closingQuote(sql: string, start: number, quote: string): number {
  let i = start + 1
  for (;;) {
    const next = sql.indexOf(quote, i)
    if (next === -1) return sql.length
    if (sql[next + 1] === quote) {
      i = next + 2
      continue
    }
    return next + 1
  }
}

function isWordStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_'
}

function isWordPart(c: string): boolean {
  return isWordStart(c) || (c >= '0' && c <= '9') || c === '$'
}

/** A result column's name as the statement wrote it (see `caseOf`). */
export function columnName(statement: PgStatementText, name: string): string {
  return statement.caseOf?.get(name) ?? name
}
