import { PkiError, type PkiErrorCode } from '../errors'

/**
 * WRONG_PIN says nothing more than that: whether the MAC or the padding gave it away, or which bag
 * failed, would help someone guessing PINs and never helps the user.
 */
export type AnyPkiErrorCode = PkiErrorCode

export function pkiError(code: PkiErrorCode, detail?: string, options?: { cause?: unknown }): PkiError {
  return new PkiError(code, detail, options)
}

/** The code of an error as the modules here see it. */
export function pkiErrorCode(error: unknown): PkiErrorCode | undefined {
  return error instanceof PkiError ? error.code : undefined
}
