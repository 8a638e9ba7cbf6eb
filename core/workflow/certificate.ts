import { AppError } from '../errors'
import type { LocalizedText } from '../i18n'

export type CertificateState = 'valid' | 'suspended' | 'revoked'

/**
 * The registry's certificate states as a table: each action, the states it may start from, where it leads,
 * and what a refusal says.
 *   valid --hold--> suspended --release--> valid
 *   valid, suspended --revoke--> revoked (for good)
 */
export const certificateTransitions = {
  hold: {
    from: ['valid'],
    to: 'suspended',
    refusal: { suspended: { 'zh-TW': '此憑證已暫禁', en: 'This certificate is already on hold' }, revoked: { 'zh-TW': '已廢止的憑證無法暫禁', en: 'A revoked certificate cannot be put on hold' } },
  },
  release: {
    from: ['suspended'],
    to: 'valid',
    refusal: { valid: { 'zh-TW': '此憑證未暫禁，無法解禁', en: 'This certificate is not on hold, so it cannot be released' }, revoked: { 'zh-TW': '已廢止的憑證無法解禁', en: 'A revoked certificate cannot be released' } },
  },
  revoke: {
    from: ['valid', 'suspended'],
    to: 'revoked',
    refusal: { revoked: { 'zh-TW': '此憑證已廢止', en: 'This certificate is already revoked' } },
  },
} as const satisfies Record<string, { from: readonly CertificateState[]; to: CertificateState; refusal: Partial<Record<CertificateState, LocalizedText>> }>

export type CertificateAction = keyof typeof certificateTransitions

/** The state an action leads to from `from`, or a 409 saying why it cannot be done. */
export function assertCertificateTransition(action: CertificateAction, from: CertificateState): CertificateState {
  const rule = certificateTransitions[action]
  if (!(rule.from as readonly CertificateState[]).includes(from)) {
    throw new AppError('CONFLICT', { message: (rule.refusal as Partial<Record<CertificateState, LocalizedText>>)[from] })
  }
  return rule.to
}
