import type { CertificateInfo } from '../certificate-info'
import { PkiError } from '../errors'
import { frameCertificate } from '../frame'
import { inspectCertificate } from '../inspect'
import { decodeBase64Strict, encodeBase64 } from '../x509-builder/base64-encode'
import { pkiError } from '../x509-builder/pki-errors'
import { signatureOidForPublicKey, verifyBytes } from '../x509-builder/signature'
import type { Card } from './card'

/**
 * A document signed with a card (the online DC02 application): the card's signing key signs the document's
 * bytes exactly as sent, RSASSA-PKCS1-v1_5 with SHA-256 (or ECDSA with the curve's hash), and the signer
 * sends its certificate along. Path validation and what the certificate must say are the caller's part.
 */
export async function signDocument(card: Card, data: Uint8Array): Promise<{ certificate: string; signature: string }> {
  return { certificate: encodeBase64(card.certificate), signature: encodeBase64(await card.sign(data)) }
}

export async function verifyDocumentSignature(options: { certificate: string; signature: string; data: Uint8Array }): Promise<{ certificate: Uint8Array; info: CertificateInfo }> {
  const certificate = options.certificate.length <= 100_000 ? decodeBase64Strict(options.certificate) : null
  const signature = options.signature.length <= 2_000 ? decodeBase64Strict(options.signature) : null
  if (!certificate || !signature) throw pkiError('CHALLENGE_INVALID', 'certificate or signature is not base64')
  let info: CertificateInfo
  try {
    info = await inspectCertificate(certificate)
  } catch (error) {
    if (error instanceof PkiError) throw pkiError('CHALLENGE_INVALID', `certificate: ${error.code}`, { cause: error })
    throw error
  }
  if (!info.canSign) throw pkiError('NO_SIGNING_CERTIFICATE', 'the certificate cannot sign')
  const frame = frameCertificate(certificate)
  const spki = certificate.subarray(frame.publicKey.start, frame.publicKey.end)
  const valid = await verifyBytes(spki, signatureOidForPublicKey(info.publicKey), info.publicKey.curve, options.data, signature).catch(() => false)
  if (!valid) throw pkiError('CHALLENGE_INVALID', 'signature does not verify')
  return { certificate, info }
}
