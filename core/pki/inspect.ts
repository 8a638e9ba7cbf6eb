import type { CertificateInfo } from './certificate-info'
import { classifyCertificate, customsSubject, isTestCertificate, keyUse } from './classify'
import { childrenOf, valueOf } from './der'
import { decodeOid, decodeTime, integerHex, smallInteger, toHex } from './der-values'
import { PkiError } from './errors'
import { decodeExtensions } from './extensions'
import { frameCertificate, type CertificateFrame } from './frame'
import { gpkiIdentity } from './gpki-identity'
import { decodeName } from './names'
import { signatureAlgorithmNames } from './oids'
import { decodePublicKey } from './public-key'
import { readCertificate } from './read'

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** Everything but the fingerprint, in one pass over the DER; synchronous so it can be measured alone. */
export function describeCertificate(frame: CertificateFrame): Omit<CertificateInfo, 'sha256Fingerprint'> {
  const { der } = frame
  const version = frame.version ? smallInteger(der, childrenOf(der, frame.version, 'version', 0xa0)[0]) + 1 : 1
  if (version > 3) throw new PkiError('MALFORMED', `version ${version}`)
  const [notBefore, notAfter, extra] = childrenOf(der, frame.validity, 'validity')
  if (extra) throw new PkiError('MALFORMED', 'extra field in validity')
  const signatureAlgorithmOid = decodeOid(der, childrenOf(der, frame.signatureAlgorithm, 'signatureAlgorithm')[0])
  const subject = decodeName(der, frame.subject, 'subject')
  const issuer = decodeName(der, frame.issuer, 'issuer')
  const extensions = decodeExtensions(der, frame.extensions)
  const isCA = extensions.basicConstraints?.ca ?? false
  const identity = gpkiIdentity(subject, extensions.subjectDirectoryAttributes)
  const customs = customsSubject(subject, issuer)
  if (customs.brokerCode) identity.brokerCode = customs.brokerCode
  if (customs.ubn && !identity.ubn) Object.assign(identity, { ubn: customs.ubn, ubnSource: 'customs-cn' })
  return {
    version: version as 1 | 2 | 3,
    serialHex: integerHex(der, frame.serial),
    subject,
    issuer,
    notBefore: decodeTime(der, notBefore),
    notAfter: decodeTime(der, notAfter),
    signatureAlgorithm: signatureAlgorithmNames[signatureAlgorithmOid] ?? signatureAlgorithmOid,
    signatureAlgorithmOid,
    publicKey: decodePublicKey(der, frame.publicKey),
    selfIssued: sameBytes(valueOf(der, frame.subject), valueOf(der, frame.issuer)),
    extensions,
    identity,
    kind: classifyCertificate(subject, issuer, isCA),
    isTest: isTestCertificate(subject, issuer, extensions.certificatePolicies),
    isCA,
    ...keyUse(extensions.keyUsage, isCA),
  }
}

/**
 * Reads and describes one certificate. Accepts DER bytes, or anything readCertificate accepts.
 * Async only for the fingerprint (WebCrypto). Throws PkiError, never anything else, for bad input.
 */
export async function inspectCertificate(input: Uint8Array | string): Promise<CertificateInfo> {
  let info: Omit<CertificateInfo, 'sha256Fingerprint'>
  let der: Uint8Array
  try {
    der = typeof input !== 'string' && input[0] === 0x30 ? input : readCertificate(input)
    info = describeCertificate(frameCertificate(der))
  } catch (error) {
    if (error instanceof PkiError) throw error
    throw new PkiError('MALFORMED', 'unexpected decoder failure', { cause: error })
  }
  const digest = await globalThis.crypto.subtle.digest('SHA-256', der as Uint8Array<ArrayBuffer>)
  return { ...info, sha256Fingerprint: toHex(new Uint8Array(digest)) }
}
