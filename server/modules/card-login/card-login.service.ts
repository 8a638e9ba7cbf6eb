import type { LocalizedText } from '../../../core/i18n'
import { AppError } from '../../../core/errors'
import { createLoginChallenge, inspectCertificate, validatePath, verifyChallengeSignature, type CertificateInfo, type ChallengeResponse, type LoginChallenge } from '../../../core/pki'
import { inTransaction } from '../../../db/client'
import { recordAudit, type AuditContext } from '../../lib/audit'
import type { AppDeps } from '../../lib/context'
import { hitRateLimit } from '../../lib/rate-limit'
import { embeddedCrls, trustMaterial } from '../../lib/trust'
import { consumeChallenge, insertChallenge, pruneChallenges } from './card-login.repo'

/** How long a challenge may wait for its answer: long enough to type a PIN, short enough to be useless later. */
export const CHALLENGE_TTL_MS = 2 * 60_000

export function issueChallenge(opts: { deps: AppDeps; audience: string; ip: string | null; now: Date }): LoginChallenge {
  const { db } = opts.deps
  const rate = hitRateLimit(db, `card-challenge:${opts.ip ?? 'unknown'}`, 60, 60, opts.now)
  if (!rate.allowed) throw new AppError('RATE_LIMITED', { params: { retryAfterSeconds: rate.retryAfterSeconds } })
  const challenge = createLoginChallenge({ audience: opts.audience, now: opts.now })
  inTransaction(db, (tx) => {
    pruneChallenges(tx, new Date(opts.now.getTime() - 10 * CHALLENGE_TTL_MS).toISOString())
    insertChallenge(tx, challenge)
  })
  return challenge
}

const joined = (reasons: { message: LocalizedText }[]): LocalizedText => ({
  'zh-TW': `憑證驗證未通過：${reasons.map((r) => r.message['zh-TW']).join('；')}`,
  en: `The certificate was not accepted: ${reasons.map((r) => r.message.en).join('; ')}`,
})

/** Whether a certificate was issued by one of our embedded CAs, whose CRLs we hold. */
async function issuedByEmbeddedCa(info: CertificateInfo, intermediates: Uint8Array[], anchors: Uint8Array[]): Promise<boolean> {
  const keyId = info.extensions.authorityKeyIdentifier?.keyId
  if (!keyId) return false
  for (const ca of [...intermediates, ...anchors]) if ((await inspectCertificate(ca)).extensions.subjectKeyIdentifier === keyId) return true
  return false
}

/**
 * Verifies a card's answer to a challenge: the challenge is ours, fresh and answered once; the signature is
 * the certificate's; the certificate chains to a trust anchor, can sign, and is not revoked. Revocation is
 * checked against the embedded CAs' CRLs; other issuers' CRLs come with the portal's CRL cache.
 */
export async function verifyCardResponse(opts: { deps: AppDeps; nonce: string; response: ChallengeResponse; ctx: AuditContext }): Promise<CertificateInfo> {
  const { deps, ctx } = opts
  const stored = inTransaction(deps.db, (tx) => consumeChallenge(tx, opts.nonce, ctx.now.toISOString()))
  if (!stored) throw new AppError('CHALLENGE_USED')
  const challenge = { nonce: stored.nonce, audience: stored.audience, issuedAt: stored.issuedAt }
  const { certificate, info } = await verifyChallengeSignature({ challenge, response: opts.response, now: ctx.now, maxAgeMs: CHALLENGE_TTL_MS })
  const trust = trustMaterial(deps)
  const crls = (await issuedByEmbeddedCa(info, trust.intermediates, trust.anchors)) ? await embeddedCrls(deps, ctx.now) : undefined
  const result = await validatePath({ leaf: certificate, ...trust, crls, at: ctx.now, purpose: 'sign' })
  inTransaction(deps.db, (tx) =>
    recordAudit(tx, ctx, { action: result.valid ? 'card.verified' : 'card.rejected', entity: 'certificate', entityId: info.serialHex, after: { subject: info.subject.display, kind: info.kind, reasons: result.reasons.map((r) => r.code) } }),
  )
  if (!result.valid) throw new AppError('CERTIFICATE_INVALID', { message: joined(result.reasons) })
  return info
}
