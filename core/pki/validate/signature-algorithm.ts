import { childrenOf, malformed, readWhole, type Tlv } from '../der'
import { decodeOid, smallInteger } from '../der-values'
import { PkiError } from '../errors'
import { isNull } from './der-strict'

/**
 * AlgorithmIdentifier ::= SEQUENCE { algorithm OBJECT IDENTIFIER, parameters ANY OPTIONAL }
 * read as what WebCrypto can verify:
 *   sha{1,256,384,512}WithRSAEncryption 1.2.840.113549.1.1.{5,11,12,13}: parameters NULL (or absent, RFC 4055 §5)
 *   id-RSASSA-PSS 1.2.840.113549.1.1.10: RSASSA-PSS-params ::= SEQUENCE { hashAlgorithm [0] DEFAULT sha1,
 *     maskGenAlgorithm [1] DEFAULT mgf1SHA1 (id-mgf1 1.2.840.113549.1.1.8), saltLength [2] INTEGER DEFAULT 20,
 *     trailerField [3] INTEGER DEFAULT 1 }                                          (RFC 4055 §3.1)
 *   ecdsa-with-SHA{1,256,384,512} 1.2.840.10045.4.{1,3.2,3.3,3.4}: parameters absent (RFC 5758 §3.2)
 *   Ed25519 1.3.101.112: parameters absent (RFC 8410 §3)
 * MD5 and SHA-1 are 'weak' (refused unless allowed); DSA, SHA-224 and the rest are 'unsupported'.
 */
export type HashName = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512'

export type SignatureScheme =
  | { kind: 'rsa-pkcs1'; hash: HashName }
  | { kind: 'rsa-pss'; hash: HashName; saltLength: number }
  | { kind: 'ecdsa'; hash: HashName }
  | { kind: 'ed25519' }
  | { kind: 'unsupported'; name: string }

const HASHES: Record<string, HashName> = {
  '1.3.14.3.2.26': 'SHA-1',
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
}
const RSA_PKCS1: Record<string, HashName> = {
  '1.2.840.113549.1.1.5': 'SHA-1',
  '1.2.840.113549.1.1.11': 'SHA-256',
  '1.2.840.113549.1.1.12': 'SHA-384',
  '1.2.840.113549.1.1.13': 'SHA-512',
}
const ECDSA: Record<string, HashName> = {
  '1.2.840.10045.4.1': 'SHA-1',
  '1.2.840.10045.4.3.2': 'SHA-256',
  '1.2.840.10045.4.3.3': 'SHA-384',
  '1.2.840.10045.4.3.4': 'SHA-512',
}
const RSA_PSS = '1.2.840.113549.1.1.10'
const MGF1 = '1.2.840.113549.1.1.8'
const ED25519 = '1.3.101.112'

function hashOf(der: Uint8Array, tlv: Tlv, what: string): HashName {
  const [oidTlv, params, extra] = childrenOf(der, tlv, what)
  const hash = HASHES[decodeOid(der, oidTlv)]
  if (!hash || extra || (params && !isNull(der, params))) throw new PkiError('MALFORMED', `unsupported ${what}`)
  return hash
}

function pssParams(der: Uint8Array, params: Tlv | undefined): { hash: HashName; saltLength: number } {
  if (!params) throw new PkiError('MALFORMED', 'RSASSA-PSS without parameters')
  let hash: HashName = 'SHA-1'
  let mgfHash: HashName = 'SHA-1'
  let saltLength = 20
  for (const field of childrenOf(der, params, 'RSASSA-PSS-params')) {
    const inner = readWhole(der, field.valueStart, field.end, 'RSASSA-PSS field')
    if (field.tag === 0xa0) hash = hashOf(der, inner, 'PSS hash')
    else if (field.tag === 0xa1) {
      const [mgfOid, mgfParams] = childrenOf(der, inner, 'PSS mask generation')
      if (decodeOid(der, mgfOid) !== MGF1 || !mgfParams) throw malformed('PSS mask generation is not MGF1', inner.start)
      mgfHash = hashOf(der, mgfParams, 'MGF1 hash')
    } else if (field.tag === 0xa2) saltLength = smallInteger(der, inner)
    else if (field.tag === 0xa3) {
      if (smallInteger(der, inner) !== 1) throw malformed('PSS trailer field is not 1', inner.start)
    } else throw malformed('unknown RSASSA-PSS field', field.start)
  }
  // WebCrypto's RSA-PSS always uses MGF1 with the message hash.
  if (mgfHash !== hash) throw new PkiError('MALFORMED', 'PSS with a different MGF1 hash')
  return { hash, saltLength }
}

/** Throws MALFORMED for parameters the algorithm forbids; unknown algorithms are 'unsupported'. */
export function signatureScheme(der: Uint8Array, algorithm: Tlv): SignatureScheme {
  const [oidTlv, params, extra] = childrenOf(der, algorithm, 'signature AlgorithmIdentifier')
  if (extra) throw malformed('extra field in AlgorithmIdentifier', extra.start)
  const oid = decodeOid(der, oidTlv)
  if (RSA_PKCS1[oid]) {
    if (params && !isNull(der, params)) throw malformed('RSA signature parameters are not NULL', params.start)
    return { kind: 'rsa-pkcs1', hash: RSA_PKCS1[oid] }
  }
  if (oid === RSA_PSS) return { kind: 'rsa-pss', ...pssParams(der, params) }
  if (ECDSA[oid] || oid === ED25519) {
    if (params) throw malformed('signature parameters where none belong', params.start)
    return ECDSA[oid] ? { kind: 'ecdsa', hash: ECDSA[oid] } : { kind: 'ed25519' }
  }
  return { kind: 'unsupported', name: oid }
}

/** MD5 (1.2.840.113549.1.1.4) and MD2 are broken outright; SHA-1 only with allowSha1. */
export function isBrokenSignatureOid(oid: string): boolean {
  return oid === '1.2.840.113549.1.1.4' || oid === '1.2.840.113549.1.1.2'
}
