import { TAG, childrenOf, malformed, readWhole, type Tlv } from '../der'
import { decodeTime, integerHex, smallInteger, toHex } from '../der-values'
import { PkiError } from '../errors'
import { decodeAuthorityKeyId } from '../extension-decoders'
import { derBitString, sameBytes, toMillis, tlvBytes } from './der-strict'
import { decodeIssuingDistributionPoint, type IssuingDistributionPoint } from './distribution-points'
import { decodeCrlEntries, type CrlEntries } from './crl-entries'
import { readExtensions } from './crl-extensions'
import { nameInfo, type NameInfo } from './name-key'
import { signatureScheme, type SignatureScheme } from './signature-algorithm'

/**
 * CertificateList ::= SEQUENCE { tbsCertList TBSCertList, signatureAlgorithm AlgorithmIdentifier, signatureValue BIT STRING }
 * TBSCertList ::= SEQUENCE { version Version OPTIONAL (v2), signature AlgorithmIdentifier, issuer Name,
 *   thisUpdate Time, nextUpdate Time OPTIONAL,
 *   revokedCertificates SEQUENCE OF SEQUENCE { userCertificate CertificateSerialNumber, revocationDate Time,
 *     crlEntryExtensions Extensions OPTIONAL } OPTIONAL,
 *   crlExtensions [0] EXPLICIT Extensions OPTIONAL }                             (RFC 5280 §5.1)
 * CRL extensions (§5.2): authorityKeyIdentifier 2.5.29.35, issuerAltName 2.5.29.18, cRLNumber 2.5.29.20,
 * deltaCRLIndicator 2.5.29.27 (BaseCRLNumber), issuingDistributionPoint 2.5.29.28, freshestCRL 2.5.29.46,
 * authorityInfoAccess 1.3.6.1.5.5.7.1.1. Any other critical one makes the CRL unusable (§5.2).
 */
export interface ParsedCrl {
  der: Uint8Array
  tbs: Uint8Array
  scheme: SignatureScheme
  algorithmsMatch: boolean
  signature: Uint8Array
  issuer: NameInfo
  thisUpdate: number
  nextUpdate?: number
  /** by certificate issuer, then serial: indirect CRLs list other issuers' certificates */
  entries: CrlEntries
  crlNumber?: bigint
  /** a delta CRL's BaseCRLNumber */
  deltaBase?: bigint
  idp?: IssuingDistributionPoint
  /** hex of the IDP extension value: a delta CRL must carry the same scope as its base (§6.3.3 c) */
  idpHex?: string
  authorityKeyId?: string
  /** why the CRL cannot be used at all (unknown critical extensions, a bad entry) */
  unusable: string[]
  /** strict-profile findings: no cRLNumber, a critical one */
  issues: string[]
}

const KNOWN = new Set(['2.5.29.35', '2.5.29.18', '2.5.29.20', '2.5.29.27', '2.5.29.28', '2.5.29.46', '1.3.6.1.5.5.7.1.1'])

function bigInteger(der: Uint8Array, tlv: Tlv): bigint {
  const hex = integerHex(der, tlv)
  if (hex.startsWith('-')) throw malformed('negative CRL number', tlv.start)
  return BigInt('0x' + hex)
}

export function parseCrl(der: Uint8Array): ParsedCrl {
  try {
    const outer = readWhole(der, 0, der.length, 'CertificateList')
    const [tbsTlv, algorithm, signatureValue, extra] = childrenOf(der, outer, 'CertificateList')
    if (extra || !signatureValue) throw malformed('CertificateList is not three fields', outer.start)
    const fields = childrenOf(der, tbsTlv, 'tbsCertList')
    let i = 0
    if (fields[0]?.tag === TAG.INTEGER && smallInteger(der, fields[i++]) !== 1) throw malformed('CRL version is not v2', fields[0].start)
    const [inner, issuerTlv, thisUpdate] = fields.slice(i, i + 3)
    i += 3
    const nextUpdate = fields[i]?.tag === TAG.UTC_TIME || fields[i]?.tag === TAG.GENERALIZED_TIME ? fields[i++] : undefined
    const revoked = fields[i]?.tag === TAG.SEQUENCE ? fields[i++] : undefined
    const extensionsTlv = fields[i]?.tag === 0xa0 ? fields[i++] : undefined
    if (i !== fields.length || !issuerTlv) throw malformed('unexpected field in tbsCertList', tbsTlv.start)
    const issuer = nameInfo(der, issuerTlv, 'CRL issuer')
    const crl: ParsedCrl = {
      der,
      tbs: tlvBytes(der, tbsTlv),
      scheme: signatureScheme(der, algorithm),
      algorithmsMatch: sameBytes(tlvBytes(der, inner), tlvBytes(der, algorithm)),
      signature: derBitString(der, signatureValue),
      issuer,
      thisUpdate: toMillis(decodeTime(der, thisUpdate)),
      nextUpdate: nextUpdate && toMillis(decodeTime(der, nextUpdate)),
      entries: new Map(),
      unusable: [],
      issues: [],
    }
    const extensions = extensionsTlv ? readExtensions(der, readWhole(der, extensionsTlv.valueStart, extensionsTlv.end, 'crlExtensions')) : []
    for (const { oid, critical, value } of extensions) {
      if (oid === '2.5.29.20') {
        crl.crlNumber = bigInteger(der, value)
        if (critical) crl.issues.push('cRLNumber marked critical')
      } else if (oid === '2.5.29.27') crl.deltaBase = bigInteger(der, value)
      else if (oid === '2.5.29.28') {
        crl.idp = decodeIssuingDistributionPoint(der, value)
        crl.idpHex = toHex(tlvBytes(der, value))
      }
      else if (oid === '2.5.29.35') crl.authorityKeyId = decodeAuthorityKeyId(der, value).keyId
      else if (critical && !KNOWN.has(oid)) crl.unusable.push(`unknown critical CRL extension ${oid}`)
    }
    if (crl.crlNumber === undefined) crl.issues.push('no cRLNumber')
    if (revoked) decodeCrlEntries(der, revoked, issuer, crl)
    return crl
  } catch (error) {
    if (error instanceof PkiError) throw error
    throw new PkiError('MALFORMED', 'unexpected CRL decoder failure', { cause: error })
  }
}
