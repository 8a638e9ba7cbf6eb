import { TAG, childrenOf, readWhole } from '../der'
import { checkMinimalInteger, toHex } from '../der-values'
import type { PublicKeyInfo } from '../public-key'
import type { HashName, SignatureScheme } from './signature-algorithm'

/**
 * Signature verification with WebCrypto only (globalThis.crypto.subtle: Node 20, browsers), so the
 * same code runs everywhere. Imported keys are cached: path building verifies many signatures under
 * few keys, and importing costs about as much as verifying.
 */
export type VerifyOutcome = 'ok' | 'bad' | 'unsupported'

const CURVE_BYTES: Record<string, number> = { 'P-256': 32, 'P-384': 48, 'P-521': 66 }
const RSA_ENCRYPTION_ALGORITHM = [0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00]

const keyCache = new Map<string, Promise<CryptoKey | null>>()
const KEY_CACHE_LIMIT = 512

function derLength(length: number): number[] {
  if (length < 0x80) return [length]
  const bytes: number[] = []
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest & 0xff)
  return [0x80 | bytes.length, ...bytes]
}

/** Browsers refuse id-RSASSA-PSS keys in SPKI; the key itself is the same RSAPublicKey, so re-label it. */
function asRsaEncryption(spki: Uint8Array): Uint8Array {
  const outer = readWhole(spki, 0, spki.length, 'subjectPublicKeyInfo')
  const [, key] = childrenOf(spki, outer, 'subjectPublicKeyInfo')
  const body = [...RSA_ENCRYPTION_ALGORITHM, ...spki.subarray(key.start, key.end)]
  return new Uint8Array([TAG.SEQUENCE, ...derLength(body.length), ...body])
}

type ImportParams = RsaHashedImportParams | EcKeyImportParams | Algorithm

function importParams(scheme: SignatureScheme, key: PublicKeyInfo): ImportParams | null {
  switch (scheme.kind) {
    case 'rsa-pkcs1':
      return key.algorithm === 'RSA' ? { name: 'RSASSA-PKCS1-v1_5', hash: scheme.hash } : null
    case 'rsa-pss':
      return key.algorithm === 'RSA' || key.algorithm === 'RSA-PSS' ? { name: 'RSA-PSS', hash: scheme.hash } : null
    case 'ecdsa':
      return key.algorithm === 'EC' && key.curve && CURVE_BYTES[key.curve] ? { name: 'ECDSA', namedCurve: key.curve } : null
    case 'ed25519':
      return key.algorithm === 'Ed25519' ? { name: 'Ed25519' } : null
    default:
      return null
  }
}

/** The imported key, or null when WebCrypto refuses it (a point off the curve, a broken modulus). */
export function importKey(spki: Uint8Array, key: PublicKeyInfo, params: ImportParams): Promise<CryptoKey | null> {
  const cacheKey = `${JSON.stringify(params)}|${toHex(spki)}`
  let cached = keyCache.get(cacheKey)
  if (!cached) {
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear()
    const bytes = key.algorithm === 'RSA-PSS' ? asRsaEncryption(spki) : spki
    cached = globalThis.crypto.subtle.importKey('spki', bytes as Uint8Array<ArrayBuffer>, params, false, ['verify']).catch(() => null)
    keyCache.set(cacheKey, cached)
  }
  return cached
}

/** Ecdsa-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER } (RFC 3279 §2.2.3) → r ‖ s, each padded to the curve size. */
function ecdsaRaw(signature: Uint8Array, size: number): Uint8Array | null {
  try {
    const outer = readWhole(signature, 0, signature.length, 'ECDSA signature')
    const parts = childrenOf(signature, outer, 'ECDSA signature')
    if (parts.length !== 2) return null
    const raw = new Uint8Array(size * 2)
    parts.forEach((part, i) => {
      checkMinimalInteger(signature, part)
      let value = signature.subarray(part.valueStart, part.end)
      if (value[0] & 0x80) throw new Error('negative')
      if (value[0] === 0 && value.length > 1) value = value.subarray(1)
      if (value.length > size) throw new Error('too long')
      raw.set(value, i * size + size - value.length)
    })
    return raw
  } catch {
    return null
  }
}

function verifyParams(scheme: SignatureScheme): Algorithm | RsaPssParams | EcdsaParams {
  if (scheme.kind === 'rsa-pss') return { name: 'RSA-PSS', saltLength: scheme.saltLength }
  if (scheme.kind === 'ecdsa') return { name: 'ECDSA', hash: scheme.hash satisfies HashName }
  if (scheme.kind === 'ed25519') return { name: 'Ed25519' }
  return { name: 'RSASSA-PKCS1-v1_5' }
}

/** Verifies `signature` over `data` with the issuer's SubjectPublicKeyInfo. */
export async function verifySignature(scheme: SignatureScheme, spki: Uint8Array, key: PublicKeyInfo, data: Uint8Array, signature: Uint8Array): Promise<VerifyOutcome> {
  if (scheme.kind === 'unsupported') return 'unsupported'
  const params = importParams(scheme, key)
  if (!params) {
    // A key of another family can never verify; a curve WebCrypto lacks is merely unsupported.
    const otherFamily = scheme.kind === 'ecdsa' ? key.algorithm !== 'EC' : scheme.kind === 'ed25519' ? key.algorithm !== 'Ed25519' : !key.algorithm.startsWith('RSA')
    return otherFamily ? 'bad' : 'unsupported'
  }
  const cryptoKey = await importKey(spki, key, params)
  if (!cryptoKey) return 'bad'
  let sig: Uint8Array | null = signature
  if (scheme.kind === 'ecdsa') sig = ecdsaRaw(signature, CURVE_BYTES[key.curve!])
  if (!sig) return 'bad'
  try {
    const ok = await globalThis.crypto.subtle.verify(verifyParams(scheme), cryptoKey, sig as Uint8Array<ArrayBuffer>, data as Uint8Array<ArrayBuffer>)
    return ok ? 'ok' : 'bad'
  } catch {
    return 'bad'
  }
}

/**
 * Whether a subject key can be used at all: an EC point off its curve, a curve we cannot verify with,
 * DSA and the like are refused before they matter (x509test checks leaf keys too).
 */
export async function checkPublicKey(spki: Uint8Array, key: PublicKeyInfo): Promise<VerifyOutcome> {
  if (key.algorithm === 'RSA' || key.algorithm === 'RSA-PSS') return 'ok'
  if (key.algorithm === 'Ed25519') return (await importKey(spki, key, { name: 'Ed25519' })) ? 'ok' : 'bad'
  if (key.algorithm !== 'EC' || !key.curve || !CURVE_BYTES[key.curve]) return 'unsupported'
  return (await importKey(spki, key, { name: 'ECDSA', namedCurve: key.curve })) ? 'ok' : 'bad'
}
