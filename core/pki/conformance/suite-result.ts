import type { ValidationResult } from '../validate/validate-types'

/** One case of a conformance suite: what it expects, what we said, and why. */
export interface CaseOutcome {
  id: string
  expected: boolean
  actual: boolean
  codes: string[]
  ms: number
  skipped?: string
}

export interface SuiteSummary {
  agree: number
  total: number
  skipped: number
  /** skipped cases whose result happens to agree anyway */
  skippedAgree: number
  /** cases, skipped ones included, that ran past twice their time limit (never expected: the validator bounds itself) */
  hangs: number
  disagreements: CaseOutcome[]
  skips: CaseOutcome[]
  ms: number
}

export function outcome(id: string, expected: boolean, result: ValidationResult, ms: number): CaseOutcome {
  return { id, expected, actual: result.valid, codes: [...new Set(result.reasons.map((r) => r.code))], ms }
}

/** A case on a skip list still runs, so the report can say how it would have gone. */
export function skippedCase(id: string, expected: boolean, result: ValidationResult, ms: number, why: string): CaseOutcome {
  return { ...outcome(id, expected, result, ms), skipped: why }
}

/** `total` counts every case of the suite; `agree` only the cases not on a skip list; `hangs` every case. */
export function summarise(cases: CaseOutcome[], hangMs: number): SuiteSummary {
  const ran = cases.filter((c) => !c.skipped)
  return {
    agree: ran.filter((c) => c.actual === c.expected).length,
    total: cases.length,
    skipped: cases.length - ran.length,
    skippedAgree: cases.filter((c) => c.skipped && c.actual === c.expected).length,
    hangs: cases.filter((c) => c.ms > hangMs).length,
    disagreements: ran.filter((c) => c.actual !== c.expected),
    skips: cases.filter((c) => c.skipped),
    ms: cases.reduce((sum, c) => sum + c.ms, 0),
  }
}
