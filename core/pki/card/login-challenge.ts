import type { CertificateInfo } from '../certificate-info'
import { decodeBase64Url, encodeBase64Url } from '../x509-builder/base64-encode'
import { pkiError } from '../x509-builder/pki-errors'
import type { Card } from './card'
import { signDocument, verifyDocumentSignature } from './document-signature'

/**
 * Certificate login, challenge–response (DOMAIN.md §8 憑證登入).
 *
 * 1. The server issues  { nonce, issuedAt, audience }:
 *      nonce     32 random bytes, base64url without padding (43 characters)
 *      issuedAt  the server's clock, ISO 8601 UTC with milliseconds, e.g. 2025-03-01T08:00:00.000Z
 *      audience  the site's origin, e.g. https://certdesk.example (no line breaks)
 * 2. The browser signs the UTF-8 bytes of
 *      "certdesk-login\n" + audience + "\n" + nonce + "\n" + issuedAt
 *    (no trailing newline) with the card's signing key: RSASSA-PKCS1-v1_5 with SHA-256, or ECDSA
 *    with the curve's hash (P-256 → SHA-256, P-384 → SHA-384), the signature encoded as in X.509
 *    (PKCS #1 bytes, or Ecdsa-Sig-Value DER).
 * 3. It returns { certificate: base64 DER of the signing certificate, signature: base64 }
 *    (standard alphabet, padded).
 * 4. verifyChallengeSignature checks the challenge's freshness, that the certificate is a signing
 *    certificate, and the signature. The server adds what needs state: that it issued this nonce
 *    and has not seen it answered before (replay), chain validation and revocation, and the
 *    binding of the certificate to an account.
 * The fixed first line keeps a login signature from ever being valid as anything else, and the
 * audience keeps a signature made for another site (or a phishing copy) from being replayed here.
 */
export interface LoginChallenge {
  nonce: string
  issuedAt: string
  audience: string
}

export interface ChallengeResponse {
  certificate: string
  signature: string
}

/** How far the server's clocks may disagree when issuedAt seems to lie in the future. */
const CLOCK_SKEW_MS = 5_000

function checkChallenge(challenge: LoginChallenge): number {
  const issuedAt = Date.parse(challenge.issuedAt)
  if (decodeBase64Url(challenge.nonce)?.length !== 32 || challenge.nonce.length !== 43) throw pkiError('CHALLENGE_INVALID', 'nonce')
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(challenge.issuedAt) || Number.isNaN(issuedAt)) throw pkiError('CHALLENGE_INVALID', 'issuedAt')
  if (!challenge.audience || challenge.audience.length > 200 || /[\r\n]/.test(challenge.audience)) throw pkiError('CHALLENGE_INVALID', 'audience')
  return issuedAt
}

export function createLoginChallenge(options: { audience: string; now: Date }): LoginChallenge {
  const challenge = {
    nonce: encodeBase64Url(globalThis.crypto.getRandomValues(new Uint8Array(32))),
    issuedAt: options.now.toISOString(),
    audience: options.audience,
  }
  checkChallenge(challenge)
  return challenge
}

/** The exact bytes that are signed. */
export function challengeMessage(challenge: LoginChallenge): Uint8Array {
  checkChallenge(challenge)
  return new TextEncoder().encode(`certdesk-login\n${challenge.audience}\n${challenge.nonce}\n${challenge.issuedAt}`)
}

export function signChallenge(card: Card, challenge: LoginChallenge): Promise<ChallengeResponse> {
  return signDocument(card, challengeMessage(challenge))
}

export async function verifyChallengeSignature(options: {
  challenge: LoginChallenge
  response: ChallengeResponse
  now: Date
  maxAgeMs: number
}): Promise<{ certificate: Uint8Array; info: CertificateInfo }> {
  const age = options.now.getTime() - checkChallenge(options.challenge)
  if (age > options.maxAgeMs) throw pkiError('CHALLENGE_EXPIRED', `${age} ms old`)
  if (age < -CLOCK_SKEW_MS) throw pkiError('CHALLENGE_INVALID', 'issued in the future')
  return verifyDocumentSignature({ ...options.response, data: challengeMessage(options.challenge) })
}
