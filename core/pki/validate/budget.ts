/**
 * The work one validatePath call may do. x509-limbo builds inputs that make naive builders run
 * for hours (every intermediate signing every other); these limits turn that into TIME_LIMIT.
 * The counts are far above what a real chain needs (a GPKI chain: 2–3 signatures, 1 path).
 */
export const LIMITS = {
  signatures: 256,
  steps: 10_000,
  evaluations: 64,
  /** nested validations of CRL signers (a CRL signer's own CRL signer, …) */
  signerDepth: 2,
}

export class OutOfBudget extends Error {
  constructor(what: string) {
    super(`validation budget exhausted: ${what}`)
  }
}

export class Budget {
  signatures = 0
  steps = 0
  evaluations = 0

  constructor(readonly deadline: number) {}

  check(): void {
    if (Date.now() > this.deadline) throw new OutOfBudget('time')
  }

  spend(kind: 'signatures' | 'steps' | 'evaluations'): void {
    this.check()
    if (++this[kind] > LIMITS[kind]) throw new OutOfBudget(kind)
  }
}
