import { PkiError } from './errors'
import { TAG, childrenOf, expectTag, malformed, readWhole, type Tlv } from './der'
import { bitString, checkMinimalInteger, decodeOid } from './der-values'

/**
 * SubjectPublicKeyInfo ::= SEQUENCE { algorithm AlgorithmIdentifier, subjectPublicKey BIT STRING }
 * AlgorithmIdentifier ::= SEQUENCE { algorithm OBJECT IDENTIFIER, parameters ANY OPTIONAL }
 * RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }          (RFC 8017 A.1.1)
 * ECParameters ::= CHOICE { namedCurve OBJECT IDENTIFIER, ... }                   (RFC 5480 §2.1.1)
 * Dss-Parms ::= SEQUENCE { p INTEGER, q INTEGER, g INTEGER }                      (RFC 3279 §2.3.2)
 *
 * OIDs: rsaEncryption 1.2.840.113549.1.1.1, id-RSASSA-PSS 1.2.840.113549.1.1.10,
 * id-ecPublicKey 1.2.840.10045.2.1, id-dsa 1.2.840.10040.4.1, Ed25519 1.3.101.112, Ed448 1.3.101.113,
 * X25519 1.3.101.110, X448 1.3.101.111.
 */
export type KeyAlgorithm = 'RSA' | 'RSA-PSS' | 'EC' | 'DSA' | 'Ed25519' | 'Ed448' | 'X25519' | 'X448' | 'unknown'

export interface PublicKeyInfo {
  algorithm: KeyAlgorithm
  oid: string
  /** RSA and DSA: modulus / prime length; EC: the curve's size */
  bits?: number
  /** EC: 'P-256', 'P-384', … or the curve's OID when we have no name for it */
  curve?: string
}

const ALGORITHMS: Record<string, KeyAlgorithm> = {
  '1.2.840.113549.1.1.1': 'RSA',
  '1.2.840.113549.1.1.10': 'RSA-PSS',
  '1.2.840.10045.2.1': 'EC',
  '1.2.840.10040.4.1': 'DSA',
  '1.3.101.112': 'Ed25519',
  '1.3.101.113': 'Ed448',
  '1.3.101.110': 'X25519',
  '1.3.101.111': 'X448',
}

const CURVES: Record<string, [name: string, bits: number]> = {
  '1.2.840.10045.3.1.1': ['P-192', 192],
  '1.3.132.0.33': ['P-224', 224],
  '1.2.840.10045.3.1.7': ['P-256', 256],
  '1.3.132.0.34': ['P-384', 384],
  '1.3.132.0.35': ['P-521', 521],
  '1.3.132.0.10': ['secp256k1', 256],
  '1.3.36.3.3.2.8.1.1.7': ['brainpoolP256r1', 256],
  '1.3.36.3.3.2.8.1.1.11': ['brainpoolP384r1', 384],
  '1.3.36.3.3.2.8.1.1.13': ['brainpoolP512r1', 512],
  '1.2.156.10197.1.301': ['SM2', 256],
}

function integerBits(der: Uint8Array, tlv: Tlv | undefined, what: string): number {
  if (!tlv) throw new PkiError('MALFORMED', `${what} is missing`)
  checkMinimalInteger(der, tlv)
  let start = tlv.valueStart
  if (der[start] & 0x80) throw malformed(`negative ${what}`, tlv.start)
  while (start < tlv.end - 1 && der[start] === 0) start++
  return (tlv.end - start) * 8 - Math.clz32(der[start]) + 24
}

export function decodePublicKey(der: Uint8Array, spki: Tlv): PublicKeyInfo {
  const [algTlv, keyTlv] = childrenOf(der, spki, 'subjectPublicKeyInfo')
  const [oidTlv, params] = childrenOf(der, algTlv, 'public key algorithm')
  const oid = decodeOid(der, oidTlv)
  const algorithm = ALGORITHMS[oid] ?? 'unknown'
  const key = bitString(der, expectTag(keyTlv, TAG.BIT_STRING, 'subjectPublicKey'))
  if (algorithm === 'RSA' || algorithm === 'RSA-PSS') {
    if (key.unusedBits) throw malformed('RSA key with unused bits', keyTlv.start)
    const [modulus, exponent, extra] = childrenOf(der, readWhole(der, keyTlv.valueStart + 1, keyTlv.end, 'RSA public key'), 'RSA public key')
    if (extra) throw malformed('extra field in RSA public key', extra.start)
    integerBits(der, exponent, 'RSA exponent')
    return { algorithm, oid, bits: integerBits(der, modulus, 'RSA modulus') }
  }
  if (algorithm === 'EC') {
    if (params?.tag !== TAG.OID) return { algorithm, oid } // explicit curve parameters: no name to give
    const curveOid = decodeOid(der, params)
    const known = CURVES[curveOid]
    return known ? { algorithm, oid, curve: known[0], bits: known[1] } : { algorithm, oid, curve: curveOid }
  }
  if (algorithm === 'DSA' && params?.tag === TAG.SEQUENCE) {
    return { algorithm, oid, bits: integerBits(der, childrenOf(der, params, 'DSA parameters')[0], 'DSA prime') }
  }
  return { algorithm, oid }
}
