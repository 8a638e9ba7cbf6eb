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
  // the last token that was not space or comment: a word (lowercased), a value (quoted, number) or punctuation
  let last = ''
  let i = 0
  const n = sql.length
  while (i < n) {
    const c = sql[i]!
    if (c === "'" || c === '"' || c === '`') {
      const end = closingQuote(sql, i, c)
      text += sql.slice(i, end)
      i = end
      last = 'value'
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
      last = 'value'
    } else if (isWordStart(c)) {
      let j = i + 1
      while (j < n && isWordPart(sql[j]!)) j++
      const word = sql.slice(i, j)
      const lower = word.toLowerCase()
      const hint = lower === 'indexed' ? /^\s+by\s+("[^"]+"|\w+)/i.exec(sql.slice(j)) : null
      if (hint) {
        // SQLite's planner hint `indexed by <index>`: PostgreSQL plans by statistics and has no such clause
        i = j + hint[0].length
        continue
      }
      if (lower !== word) (caseOf ??= new Map()).set(lower, word)
      // SQLite's LIKE ignores ASCII case; ILIKE does the same under the C ctype the database must have
      text += lower === 'like' ? 'ilike' : word
      i = j
      last = lower
    } else if (c === '+' && unaryPosition(last) && /^\s*["(]/.test(sql.slice(i + 1, i + 40))) {
      // SQLite's `+column`, which keeps an index from serving a term: a no-op on the value, and on text an
      // error in PostgreSQL, whose planner takes no such hint
      i++
    } else if (c === '$' && /[0-9]/.test(sql[i + 1] ?? '')) {
      // a `$1` already in the text would collide with the numbering
      throw new Error(`SQL for PostgreSQL must use ? placeholders, not $n: ${sql.slice(0, 80)}`)
    } else {
      text += c
      i++
      if (!/\s/.test(c)) last = /[0-9)]/.test(c) ? 'value' : c
    }
  }
  return { text: unqualifyConflictTarget(text), params, caseOf }
}

const beforeOperand = new Set(['', '(', ',', '=', '<', '>', '!', 'and', 'or', 'not', 'where', 'by', 'select', 'on', 'when', 'then', 'else', 'having', 'distinct', 'case', 'in'])

/** A `+` after these starts an operand (unary); after a value, a column or `)` it adds. */
function unaryPosition(last: string): boolean {
  return beforeOperand.has(last)
}

/**
 * drizzle's SQLite dialect qualifies the columns of an upsert's target, `on conflict ("t"."a", "t"."b")`, which
 * SQLite accepts and PostgreSQL's grammar does not (a conflict target names the inserted table's own columns).
 */
function unqualifyConflictTarget(text: string): string {
  return text.replace(/\bon conflict \(((?:\s*"[^"]+"\."[^"]+"\s*,?)+)\)/gi, (_, cols: string) => `on conflict (${cols.replace(/"[^"]+"\.("[^"]+")/g, '$1')})`)
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
