import { decodeOid, smallInteger } from '../der-values'
import { algorithm, integer, octetString, sequence, type Der } from '../x509-builder/der-encode'
import { pkiError } from '../x509-builder/pki-errors'
import { childrenWithTag, octetsOf, type BerNode } from './ber'
import { tripleDesCbcDecrypt, desCbcDecrypt } from './des'
import { pkcs12Kdf } from './pkcs12-kdf'
import { AES_CBC, HMACS, LEGACY_PBE, P12 } from './pkcs12-oids'
import { rc2CbcDecrypt } from './rc2'
import { utf8Password } from './passwords'

/**
 * Password-based encryption of bags and safe contents.
 *
 * PBES2 (RFC 8018 §6.2): PBES2-params ::= SEQUENCE { keyDerivationFunc AlgorithmIdentifier,
 *   encryptionScheme AlgorithmIdentifier }, the KDF being PBKDF2 (1.2.840.113549.1.5.12):
 *   PBKDF2-params ::= SEQUENCE { salt OCTET STRING, iterationCount INTEGER, keyLength INTEGER OPTIONAL,
 *   prf AlgorithmIdentifier DEFAULT hmacWithSHA1 }; schemes AES-128/192/256-CBC (IV OCTET STRING),
 *   des-ede3-cbc and desCBC (IV OCTET STRING of 8).
 * Legacy PKCS #12 PBE (RFC 7292 appendix C): pkcs-12PbeParams ::= SEQUENCE { salt OCTET STRING,
 *   iterations INTEGER }, key (ID 1) and IV (ID 2) from the PKCS #12 KDF with SHA-1.
 *
 * Decryption returns null for "wrong password" (bad padding) and throws for what is broken or unsupported.
 */
/** The same bound as MAX_KDF_ITERATIONS, for the same reason. */
export const MAX_PBKDF2_ITERATIONS = 2_000_000

const subtle = () => globalThis.crypto.subtle
type Hash = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512'

export async function pbkdf2(password: Uint8Array, salt: Uint8Array, iterations: number, hash: Hash, bytes: number): Promise<Uint8Array> {
  if (iterations < 1 || iterations > MAX_PBKDF2_ITERATIONS) throw pkiError('PFX_MALFORMED', `PBKDF2 iterations ${iterations}`)
  const key = await subtle().importKey('raw', password as Uint8Array<ArrayBuffer>, 'PBKDF2', false, ['deriveBits'])
  const bits = await subtle().deriveBits({ name: 'PBKDF2', hash, salt: salt as Uint8Array<ArrayBuffer>, iterations }, key, bytes * 8)
  return new Uint8Array(bits)
}

/** PBKDF2-params as parsed; keyLength stays undefined when absent (PBMAC1 requires it, PBES2 does not). */
export function readPbkdf2Params(der: Uint8Array, kdf: BerNode): { salt: Uint8Array; iterations: number; keyLength?: number; hash: Hash } {
  const [kdfOid, params] = childrenWithTag(kdf, 'keyDerivationFunc')
  if (decodeOid(der, kdfOid) !== P12.pbkdf2) throw pkiError('UNSUPPORTED_ALGORITHM', `KDF ${decodeOid(der, kdfOid)}`)
  const [salt, iterations, ...rest] = childrenWithTag(params, 'PBKDF2-params')
  if (salt?.tag !== 0x04) throw pkiError('UNSUPPORTED_ALGORITHM', 'PBKDF2 salt from another source')
  const keyLength = rest[0]?.tag === 0x02 ? smallInteger(der, rest.shift()) : undefined
  const prfOid = rest[0] ? decodeOid(der, childrenWithTag(rest[0], 'prf')[0]) : '1.2.840.113549.2.7'
  const hash = HMACS[prfOid]
  if (!hash) throw pkiError('UNSUPPORTED_ALGORITHM', `PRF ${prfOid}`)
  return { salt: octetsOf(der, salt, 'salt'), iterations: smallInteger(der, iterations), keyLength, hash }
}

async function aesCbcDecrypt(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Promise<Uint8Array | null> {
  if (iv.length !== 16) throw pkiError('PFX_MALFORMED', 'AES IV is not 16 bytes')
  let cryptoKey: CryptoKey
  try {
    cryptoKey = await subtle().importKey('raw', key as Uint8Array<ArrayBuffer>, 'AES-CBC', false, ['decrypt'])
  } catch (error) {
    // Chromium refuses 192-bit AES keys: that is a missing algorithm, not a wrong PIN.
    throw pkiError('UNSUPPORTED_ALGORITHM', `AES-${key.length * 8}-CBC`, { cause: error })
  }
  try {
    return new Uint8Array(await subtle().decrypt({ name: 'AES-CBC', iv: iv as Uint8Array<ArrayBuffer> }, cryptoKey, data as Uint8Array<ArrayBuffer>))
  } catch {
    return null // bad padding: a wrong key
  }
}

async function pbes2Decrypt(der: Uint8Array, params: BerNode | undefined, data: Uint8Array, password: string): Promise<Uint8Array | null> {
  const [kdf, scheme] = childrenWithTag(params, 'PBES2-params')
  const [schemeOid, ivNode] = childrenWithTag(scheme, 'encryptionScheme')
  const cipher = decodeOid(der, schemeOid)
  const iv = octetsOf(der, ivNode, 'IV')
  const keyBytes = AES_CBC[cipher] ?? (cipher === P12.desEde3Cbc ? 24 : cipher === P12.desCbc ? 8 : 0)
  if (!keyBytes) throw pkiError('UNSUPPORTED_ALGORITHM', `cipher ${cipher}`)
  const { salt, iterations, keyLength, hash } = readPbkdf2Params(der, kdf)
  if (keyLength !== undefined && keyLength !== keyBytes) throw pkiError('PFX_MALFORMED', `keyLength ${keyLength} for ${cipher}`)
  const key = await pbkdf2(utf8Password(password), salt, iterations, hash, keyBytes)
  if (AES_CBC[cipher]) return aesCbcDecrypt(key, iv, data)
  return cipher === P12.desEde3Cbc ? tripleDesCbcDecrypt(key, iv, data) : desCbcDecrypt(key, iv, data)
}

async function legacyDecrypt(der: Uint8Array, scheme: (typeof LEGACY_PBE)[string], params: BerNode | undefined, data: Uint8Array, bmp: Uint8Array): Promise<Uint8Array | null> {
  const [saltNode, iterationsNode] = childrenWithTag(params, 'pkcs-12PbeParams')
  const salt = octetsOf(der, saltNode, 'salt')
  const iterations = smallInteger(der, iterationsNode)
  const key = await pkcs12Kdf('SHA-1', bmp, salt, 1, iterations, scheme.keyLength)
  const iv = await pkcs12Kdf('SHA-1', bmp, salt, 2, iterations, 8)
  if (scheme.cipher === '3des') return tripleDesCbcDecrypt(key, iv, data)
  return rc2CbcDecrypt(key, scheme.effectiveBits!, iv, data)
}

/** Decrypts with the scheme an AlgorithmIdentifier names; `bmp` is the BMP form of the password for the legacy schemes. */
export async function pbeDecrypt(der: Uint8Array, algorithmNode: BerNode, data: Uint8Array, password: string, bmp: Uint8Array): Promise<Uint8Array | null> {
  const [oidNode, params] = childrenWithTag(algorithmNode, 'encryption AlgorithmIdentifier')
  const scheme = decodeOid(der, oidNode)
  if (scheme === P12.pbes2) return pbes2Decrypt(der, params, data, password)
  const legacy = LEGACY_PBE[scheme]
  if (legacy) return legacyDecrypt(der, legacy, params, data, bmp)
  throw pkiError('UNSUPPORTED_ALGORITHM', `encryption ${scheme}`)
}

/** PBES2 with PBKDF2-HMAC-SHA256 and AES-256-CBC: what we write (see pfx-build.ts for the iteration count). */
export async function pbes2Encrypt(plaintext: Uint8Array, password: string, iterations: number): Promise<{ algorithm: Der; ciphertext: Uint8Array }> {
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(16))
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(16))
  const key = await pbkdf2(utf8Password(password), salt, iterations, 'SHA-256', 32)
  const cryptoKey = await subtle().importKey('raw', key as Uint8Array<ArrayBuffer>, 'AES-CBC', false, ['encrypt'])
  const ciphertext = new Uint8Array(await subtle().encrypt({ name: 'AES-CBC', iv }, cryptoKey, plaintext as Uint8Array<ArrayBuffer>))
  const kdf = algorithm(P12.pbkdf2, sequence(octetString(salt), integer(iterations), algorithm(P12.hmacWithSha256, Uint8Array.of(0x05, 0x00))))
  return { algorithm: algorithm(P12.pbes2, sequence(kdf, algorithm(P12.aes256Cbc, octetString(iv)))), ciphertext }
}
