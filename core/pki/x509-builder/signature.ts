import { bitString, concat, nullValue, oid, sequence, algorithm, tlv, type Der } from './der-encode'
import { pkiError } from './pki-errors'

/**
 * Signature algorithms for what we sign (certificates, CRLs, CSRs, login challenges) and verify:
 *   sha256WithRSAEncryption 1.2.840.113549.1.1.11 (.12 SHA-384, .13 SHA-512, .5 SHA-1 verify only),
 *     parameters NULL (RFC 4055 §5);
 *   ecdsa-with-SHA256 1.2.840.10045.4.3.2 (.3 SHA-384, .4 SHA-512), parameters absent (RFC 5758 §3.2).
 * ECDSA signatures travel as Ecdsa-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER } (RFC 3279 §2.2.3);
 * WebCrypto speaks r‖s, so we convert at the edge.
 */
type Hash = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512'
interface SignatureScheme {
  oid: string
  params: RsaHashedImportParams | EcKeyImportParams
  sign: AlgorithmIdentifier | EcdsaParams
  /** bytes of r and of s for ECDSA */
  half?: number
}

const RSA_OIDS: Record<string, Hash> = {
  '1.2.840.113549.1.1.5': 'SHA-1',
  '1.2.840.113549.1.1.11': 'SHA-256',
  '1.2.840.113549.1.1.12': 'SHA-384',
  '1.2.840.113549.1.1.13': 'SHA-512',
}
const ECDSA_OIDS: Record<string, Hash> = {
  '1.2.840.10045.4.3.2': 'SHA-256',
  '1.2.840.10045.4.3.3': 'SHA-384',
  '1.2.840.10045.4.3.4': 'SHA-512',
}
const CURVE_HALVES: Record<string, number> = { 'P-256': 32, 'P-384': 48, 'P-521': 66 }
const CURVE_HASH: Record<string, Hash> = { 'P-256': 'SHA-256', 'P-384': 'SHA-384', 'P-521': 'SHA-512' }

/** The scheme a private key signs with: RSA keys carry their hash, EC keys get the one matching the curve. */
export function schemeForKey(key: CryptoKey): SignatureScheme {
  const alg = key.algorithm as RsaHashedKeyAlgorithm | EcKeyAlgorithm
  if (alg.name === 'RSASSA-PKCS1-v1_5') {
    const hash = (alg as RsaHashedKeyAlgorithm).hash.name as Hash
    const found = Object.entries(RSA_OIDS).find(([dotted, h]) => h === hash && dotted !== '1.2.840.113549.1.1.5')
    if (!found) throw pkiError('UNSUPPORTED_ALGORITHM', `RSA with ${hash}`)
    return { oid: found[0], params: { name: alg.name, hash }, sign: { name: alg.name } }
  }
  if (alg.name === 'ECDSA') {
    const curve = (alg as EcKeyAlgorithm).namedCurve
    const hash = CURVE_HASH[curve]
    if (!hash) throw pkiError('UNSUPPORTED_ALGORITHM', `curve ${curve}`)
    const dotted = Object.entries(ECDSA_OIDS).find(([, h]) => h === hash)![0]
    return { oid: dotted, params: { name: 'ECDSA', namedCurve: curve }, sign: { name: 'ECDSA', hash }, half: CURVE_HALVES[curve] }
  }
  throw pkiError('UNSUPPORTED_ALGORITHM', `key algorithm ${alg.name}`)
}

/** The scheme named by a signature AlgorithmIdentifier, for a public key of the given curve (EC) or none (RSA). */
export function schemeForOid(dotted: string, curve?: string): SignatureScheme {
  const rsaHash = RSA_OIDS[dotted]
  if (rsaHash) return { oid: dotted, params: { name: 'RSASSA-PKCS1-v1_5', hash: rsaHash }, sign: { name: 'RSASSA-PKCS1-v1_5' } }
  const ecHash = ECDSA_OIDS[dotted]
  if (ecHash && curve && CURVE_HALVES[curve]) {
    return { oid: dotted, params: { name: 'ECDSA', namedCurve: curve }, sign: { name: 'ECDSA', hash: ecHash }, half: CURVE_HALVES[curve] }
  }
  throw pkiError('UNSUPPORTED_ALGORITHM', `signature algorithm ${dotted}`)
}

export function algorithmIdentifier(scheme: SignatureScheme): Der {
  return scheme.oid.startsWith('1.2.840.113549') ? algorithm(scheme.oid, nullValue()) : sequence(oid(scheme.oid))
}

function unsigned(bytes: Uint8Array): Der {
  let start = 0
  while (start < bytes.length - 1 && bytes[start] === 0) start++
  const trimmed = bytes.subarray(start)
  return tlv(0x02, trimmed[0] & 0x80 ? concat([Uint8Array.of(0), trimmed]) : trimmed)
}

export function ecdsaRawToDer(raw: Uint8Array): Uint8Array {
  const half = raw.length / 2
  return sequence(unsigned(raw.subarray(0, half)), unsigned(raw.subarray(half)))
}

/** Ecdsa-Sig-Value → r‖s; null when the DER is not two positive INTEGERs that fit the curve. */
export function ecdsaDerToRaw(der: Uint8Array, half: number): Uint8Array | null {
  if (der[0] !== 0x30 || der.length < 8) return null
  const out = new Uint8Array(half * 2)
  let offset = der[1] & 0x80 ? 2 + (der[1] & 0x7f) : 2
  for (let part = 0; part < 2; part++) {
    if (der[offset] !== 0x02) return null
    const length = der[offset + 1]
    let value = der.subarray(offset + 2, offset + 2 + length)
    if (value.length !== length || length === 0 || value[0] & 0x80) return null
    while (value.length > 1 && value[0] === 0) value = value.subarray(1)
    if (value.length > half) return null
    out.set(value, part * half + half - value.length)
    offset += 2 + length
  }
  return offset === der.length ? out : null
}

/** Signs `data` as X.509 expects the signature value: PKCS #1 bytes, or Ecdsa-Sig-Value. */
export async function signBytes(privateKey: CryptoKey, data: Uint8Array): Promise<Uint8Array> {
  const scheme = schemeForKey(privateKey)
  const raw = new Uint8Array(await globalThis.crypto.subtle.sign(scheme.sign, privateKey, data as Uint8Array<ArrayBuffer>))
  return scheme.half ? ecdsaRawToDer(raw) : raw
}

/** SEQUENCE { tbs, signatureAlgorithm, signatureValue BIT STRING }: the shape of a certificate, a CRL and a CSR. */
export async function signStructure(tbs: Der, privateKey: CryptoKey): Promise<Der> {
  const signature = await signBytes(privateKey, tbs)
  return sequence(tbs, algorithmIdentifier(schemeForKey(privateKey)), bitString(signature))
}

/** Verifies an X.509-style signature with a SubjectPublicKeyInfo; false for a bad signature, PkiError for an unknown algorithm. */
export async function verifyBytes(spki: Uint8Array, signatureOid: string, curve: string | undefined, data: Uint8Array, signature: Uint8Array): Promise<boolean> {
  const scheme = schemeForOid(signatureOid, curve)
  const subtle = globalThis.crypto.subtle
  const key = await subtle.importKey('spki', spki as Uint8Array<ArrayBuffer>, scheme.params, false, ['verify'])
  const value = scheme.half ? ecdsaDerToRaw(signature, scheme.half) : signature
  if (!value) return false
  return subtle.verify(scheme.sign, key, value as Uint8Array<ArrayBuffer>, data as Uint8Array<ArrayBuffer>)
}

/** The signature algorithm a holder of this public key signs with (the same rule as schemeForKey). */
export function signatureOidForPublicKey(key: { algorithm: string; curve?: string }): string {
  if (key.algorithm === 'RSA') return '1.2.840.113549.1.1.11'
  const hash = key.algorithm === 'EC' && key.curve ? CURVE_HASH[key.curve] : undefined
  if (!hash) throw pkiError('UNSUPPORTED_ALGORITHM', `public key ${key.algorithm} ${key.curve ?? ''}`)
  return Object.entries(ECDSA_OIDS).find(([, h]) => h === hash)![0]
}
