import { decodeOid, smallInteger } from '../der-values'
import { algorithm, integer, nullValue, octetString, sequence, type Der } from '../x509-builder/der-encode'
import { pkiError } from '../x509-builder/pki-errors'
import { childrenWithTag, octetsOf, type BerNode } from './ber'
import { bmpCandidates, bmpPassword, utf8Password } from './passwords'
import { pbkdf2, readPbkdf2Params } from './pbe'
import { pkcs12Kdf } from './pkcs12-kdf'
import { DIGESTS, HMACS, P12 } from './pkcs12-oids'

/**
 * MacData ::= SEQUENCE { mac DigestInfo, macSalt OCTET STRING, iterations INTEGER DEFAULT 1 }   (RFC 7292 §4)
 * DigestInfo ::= SEQUENCE { digestAlgorithm AlgorithmIdentifier, digest OCTET STRING }
 *
 * Classic: HMAC with the named digest, keyed by the PKCS #12 KDF (ID 3, BMP password, macSalt,
 * iterations), over the authSafe's content octets.
 * PBMAC1 (RFC 9579): digestAlgorithm is id-PBMAC1 1.2.840.113549.1.5.14 with
 *   PBMAC1-params ::= SEQUENCE { keyDerivationFunc AlgorithmIdentifier (PBKDF2, keyLength required),
 *   messageAuthScheme AlgorithmIdentifier (hmacWithSHA*) }; the key is PBKDF2 over the UTF-8
 *   password, and macSalt / iterations of MacData play no part.
 * HMACs are compared by WebCrypto's verify, so timing says nothing about the expected value.
 */
const subtle = () => globalThis.crypto.subtle
type Hash = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512'

async function hmacVerify(hash: Hash, key: Uint8Array, data: Uint8Array, expected: Uint8Array): Promise<boolean> {
  const cryptoKey = await subtle().importKey('raw', key as Uint8Array<ArrayBuffer>, { name: 'HMAC', hash }, false, ['verify'])
  return subtle().verify('HMAC', cryptoKey, expected as Uint8Array<ArrayBuffer>, data as Uint8Array<ArrayBuffer>)
}

const HASH_BYTES: Record<Hash, number> = { 'SHA-1': 20, 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 }

async function verifyPbmac1(der: Uint8Array, params: BerNode | undefined, data: Uint8Array, expected: Uint8Array, password: string): Promise<boolean> {
  const [kdf, scheme] = childrenWithTag(params, 'PBMAC1-params')
  const { salt, iterations, keyLength, hash: prf } = readPbkdf2Params(der, kdf)
  // RFC 9579 §4 makes keyLength mandatory: without it the key size would be a guess (vector A.6).
  if (keyLength === undefined) throw pkiError('PFX_MALFORMED', 'PBMAC1 without keyLength')
  const macHash = HMACS[decodeOid(der, childrenWithTag(scheme, 'messageAuthScheme')[0])]
  if (!macHash) throw pkiError('UNSUPPORTED_ALGORITHM', 'PBMAC1 MAC scheme')
  const key = await pbkdf2(utf8Password(password), salt, iterations, prf, keyLength)
  return hmacVerify(macHash, key, data, expected)
}

/**
 * Verifies the MAC and returns the BMP password form that did it (the one the legacy ciphers must
 * use too). A MAC that does not verify is WRONG_PIN.
 */
export async function verifyMac(der: Uint8Array, macData: BerNode, authSafe: Uint8Array, password: string): Promise<Uint8Array> {
  const [digestInfo, saltNode, iterationsNode] = childrenWithTag(macData, 'MacData')
  const [algorithmNode, digestNode] = childrenWithTag(digestInfo, 'DigestInfo')
  const [oidNode, params] = childrenWithTag(algorithmNode, 'digestAlgorithm')
  const digestOid = decodeOid(der, oidNode)
  const expected = octetsOf(der, digestNode, 'MAC')
  if (digestOid === P12.pbmac1) {
    if (await verifyPbmac1(der, params, authSafe, expected, password)) return bmpPassword(password)
    throw pkiError('WRONG_PIN')
  }
  const hash = DIGESTS[digestOid]
  if (!hash) throw pkiError('UNSUPPORTED_ALGORITHM', `MAC digest ${digestOid}`)
  if (expected.length !== HASH_BYTES[hash]) throw pkiError('PFX_MALFORMED', 'MAC length')
  const salt = octetsOf(der, saltNode, 'macSalt')
  const iterations = iterationsNode ? smallInteger(der, iterationsNode) : 1
  for (const bmp of bmpCandidates(password)) {
    const key = await pkcs12Kdf(hash, bmp, salt, 3, iterations, HASH_BYTES[hash])
    if (await hmacVerify(hash, key, authSafe, expected)) return bmp
  }
  throw pkiError('WRONG_PIN')
}

/** The MacData we write: HMAC-SHA256 keyed by the PKCS #12 KDF, which OpenSSL 3.0 and Java 17 both verify (PBMAC1 they do not). */
export async function computeMac(authSafe: Uint8Array, password: string, iterations: number): Promise<Der> {
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(16))
  const key = await pkcs12Kdf('SHA-256', bmpPassword(password), salt, 3, iterations, 32)
  const cryptoKey = await subtle().importKey('raw', key as Uint8Array<ArrayBuffer>, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
  const mac = new Uint8Array(await subtle().sign('HMAC', cryptoKey, authSafe as Uint8Array<ArrayBuffer>))
  return sequence(sequence(algorithm(P12.sha256, nullValue()), octetString(mac)), octetString(salt), integer(iterations))
}
