import { TAG, childrenOf, expectTag, readWhole } from '../der'
import { bitString, decodeOid, smallInteger } from '../der-values'
import { PkiError } from '../errors'
import { decodeName, type DistinguishedName } from '../names'
import type { PublicKeyInfo } from '../public-key'
import { describeSpki } from '../x509-builder/keys'
import { pkiError } from '../x509-builder/pki-errors'
import { verifyBytes } from '../x509-builder/signature'

/** A request is a key and a name; anything this large is not one. */
export const MAX_CSR_BYTES = 16 * 1024

export interface VerifiedCsr {
  /** the DER SubjectPublicKeyInfo, ready to go into a certificate */
  spki: Uint8Array
  publicKey: PublicKeyInfo
  /** what the requester asked for; informative only, since the CA decides the subject */
  requestedSubject: DistinguishedName
}

/**
 * Checks a PKCS #10 request (structure in csr-build.ts): strict DER, version v1, and a signature
 * by the key it carries (proof of possession). Any failure is CSR_INVALID; an algorithm we do not
 * verify is UNSUPPORTED_ALGORITHM.
 */
export async function verifyCsr(der: Uint8Array): Promise<VerifiedCsr> {
  let parsed: { info: Uint8Array; spki: Uint8Array; publicKey: PublicKeyInfo; subject: DistinguishedName; signatureOid: string; signature: Uint8Array }
  try {
    if (der.length > MAX_CSR_BYTES) throw pkiError('CSR_INVALID', `${der.length} bytes`)
    const [infoTlv, algTlv, sigTlv, extra] = childrenOf(der, readWhole(der, 0, der.length, 'CertificationRequest'), 'CertificationRequest')
    if (extra) throw pkiError('CSR_INVALID', 'extra field')
    const [version, subject, spki, attributes] = childrenOf(der, infoTlv, 'CertificationRequestInfo')
    if (smallInteger(der, version) !== 0) throw pkiError('CSR_INVALID', 'version is not v1')
    expectTag(attributes, 0xa0, 'attributes')
    expectTag(spki, TAG.SEQUENCE, 'subjectPKInfo')
    const signature = bitString(der, sigTlv)
    if (signature.unusedBits) throw pkiError('CSR_INVALID', 'signature with unused bits')
    const spkiBytes = der.slice(spki.start, spki.end)
    parsed = {
      info: der.subarray(infoTlv.start, infoTlv.end),
      spki: spkiBytes,
      publicKey: describeSpki(spkiBytes),
      subject: decodeName(der, subject, 'subject'),
      signatureOid: decodeOid(der, childrenOf(der, algTlv, 'signatureAlgorithm')[0]),
      signature: signature.bytes,
    }
  } catch (error) {
    if (error instanceof PkiError && error.code !== 'MALFORMED') throw error
    throw pkiError('CSR_INVALID', error instanceof PkiError ? error.detail : 'unreadable', { cause: error })
  }
  const { spki, publicKey } = parsed
  const valid = await verifyBytes(spki, parsed.signatureOid, publicKey.curve, parsed.info, parsed.signature).catch((error: unknown) => {
    if (error instanceof PkiError) throw error
    throw pkiError('CSR_INVALID', 'public key does not import', { cause: error })
  })
  if (!valid) throw pkiError('CSR_INVALID', 'signature does not verify')
  return { spki, publicKey, requestedSubject: parsed.subject }
}
