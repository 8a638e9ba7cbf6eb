import { childrenOf, readWhole } from '../der'
import { bitString, decodeOid } from '../der-values'
import { decodePublicKey, type PublicKeyInfo } from '../public-key'
import { pkiError } from './pki-errors'

/**
 * Key plumbing between DER and WebCrypto.
 * PrivateKeyInfo ::= SEQUENCE { version INTEGER, privateKeyAlgorithm AlgorithmIdentifier,
 *   privateKey OCTET STRING, attributes [0] IMPLICIT Attributes OPTIONAL, publicKey [1] OPTIONAL }  (RFC 5958)
 * OIDs: rsaEncryption 1.2.840.113549.1.1.1; id-ecPublicKey 1.2.840.10045.2.1 with a namedCurve
 * (prime256v1 1.2.840.10045.3.1.7, secp384r1 1.3.132.0.34, secp521r1 1.3.132.0.35).
 */
const subtle = () => globalThis.crypto.subtle
const CURVES: Record<string, string> = { '1.2.840.10045.3.1.7': 'P-256', '1.3.132.0.34': 'P-384', '1.3.132.0.35': 'P-521' }

export type SigningAlgorithm = RsaHashedImportParams | EcKeyImportParams

export async function exportSpki(publicKey: CryptoKey): Promise<Uint8Array> {
  return new Uint8Array(await subtle().exportKey('spki', publicKey))
}

export function describeSpki(spki: Uint8Array): PublicKeyInfo {
  return decodePublicKey(spki, readWhole(spki, 0, spki.length, 'subjectPublicKeyInfo'))
}

/** RFC 5280 §4.2.1.2 method (1): SHA-1 of the subjectPublicKey BIT STRING's bits, the same value OpenSSL writes. */
export async function keyIdentifier(spki: Uint8Array): Promise<Uint8Array> {
  const [, keyTlv] = childrenOf(spki, readWhole(spki, 0, spki.length, 'subjectPublicKeyInfo'), 'subjectPublicKeyInfo')
  const { bytes } = bitString(spki, keyTlv)
  return new Uint8Array(await subtle().digest('SHA-1', bytes as Uint8Array<ArrayBuffer>))
}

/** How WebCrypto should import a PKCS #8 key for signing, read from its AlgorithmIdentifier. */
export function signingAlgorithmOfPkcs8(pkcs8: Uint8Array): SigningAlgorithm {
  let algorithmOid: string
  let parameter: string | undefined
  try {
    const [, algTlv] = childrenOf(pkcs8, readWhole(pkcs8, 0, pkcs8.length, 'PrivateKeyInfo'), 'PrivateKeyInfo')
    const [oidTlv, paramTlv] = childrenOf(pkcs8, algTlv, 'privateKeyAlgorithm')
    algorithmOid = decodeOid(pkcs8, oidTlv)
    parameter = paramTlv?.tag === 0x06 ? decodeOid(pkcs8, paramTlv) : undefined
  } catch (error) {
    throw pkiError('PFX_MALFORMED', 'private key is not a PrivateKeyInfo', { cause: error })
  }
  if (algorithmOid === '1.2.840.113549.1.1.1') return { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }
  if (algorithmOid === '1.2.840.10045.2.1' && parameter && CURVES[parameter]) return { name: 'ECDSA', namedCurve: CURVES[parameter] }
  throw pkiError('UNSUPPORTED_ALGORITHM', `private key ${algorithmOid}${parameter ? ' ' + parameter : ''}`)
}

/** Imports a PKCS #8 key for signing. Non-extractable unless asked: a card's key should not leave WebCrypto again. */
export async function importSigningKey(pkcs8: Uint8Array, extractable = false): Promise<CryptoKey> {
  const algorithm = signingAlgorithmOfPkcs8(pkcs8)
  try {
    return await subtle().importKey('pkcs8', pkcs8 as Uint8Array<ArrayBuffer>, algorithm, extractable, ['sign'])
  } catch (error) {
    throw pkiError('PFX_MALFORMED', 'private key does not import', { cause: error })
  }
}

/** Imports a SubjectPublicKeyInfo for verifying, with the algorithm its own AlgorithmIdentifier names. */
export async function importVerifyingKey(spki: Uint8Array): Promise<CryptoKey> {
  const info = describeSpki(spki)
  const algorithm: SigningAlgorithm | undefined =
    info.algorithm === 'RSA' ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } : info.algorithm === 'EC' && info.curve ? { name: 'ECDSA', namedCurve: info.curve } : undefined
  if (!algorithm) throw pkiError('UNSUPPORTED_ALGORITHM', `public key ${info.oid}`)
  return subtle().importKey('spki', spki as Uint8Array<ArrayBuffer>, algorithm, false, ['verify'])
}

