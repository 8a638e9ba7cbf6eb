import { TAG, children, childrenOf, expectTag, malformed, valueOf, type Tlv } from './der'
import { bitString, decodeBoolean, decodeOid, integerHex, smallInteger, toHex } from './der-values'
import { decodeGeneralName, decodeGeneralNames, type GeneralName } from './general-names'
import { OID, extendedKeyUsageNames } from './oids'

/** Decoders of the RFC 5280 §4.2 extensions we show; each gets the DER inside extnValue. */

/**
 * KeyUsage ::= BIT STRING { digitalSignature (0), nonRepudiation (1), keyEncipherment (2),
 *   dataEncipherment (3), keyAgreement (4), keyCertSign (5), cRLSign (6), encipherOnly (7), decipherOnly (8) }
 */
export const KEY_USAGES = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
] as const
export type KeyUsage = (typeof KEY_USAGES)[number]

export function decodeKeyUsage(der: Uint8Array, tlv: Tlv): KeyUsage[] {
  const { bytes } = bitString(der, tlv)
  if (bytes.length > 2) throw malformed('keyUsage longer than its nine bits', tlv.start)
  return KEY_USAGES.filter((_, bit) => (bytes[bit >> 3] ?? 0) & (0x80 >> (bit & 7)))
}

/** BasicConstraints ::= SEQUENCE { cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER (0..MAX) OPTIONAL } */
export function decodeBasicConstraints(der: Uint8Array, tlv: Tlv): { ca: boolean; pathLen?: number } {
  const items = childrenOf(der, tlv, 'basicConstraints')
  let index = 0
  const ca = items[0]?.tag === TAG.BOOLEAN ? decodeBoolean(der, items[index++]) : false
  const pathTlv = items[index++]
  if (items.length > index) throw malformed('extra field in basicConstraints', tlv.start)
  return pathTlv ? { ca, pathLen: smallInteger(der, expectTag(pathTlv, TAG.INTEGER, 'pathLenConstraint')) } : { ca }
}

function nonEmpty(der: Uint8Array, tlv: Tlv, what: string): Tlv[] {
  const items = childrenOf(der, tlv, what)
  if (items.length === 0) throw malformed(`empty ${what}`, tlv.start)
  return items
}

/** ExtKeyUsageSyntax ::= SEQUENCE SIZE (1..MAX) OF KeyPurposeId (OBJECT IDENTIFIER) */
export function decodeExtendedKeyUsage(der: Uint8Array, tlv: Tlv): { oid: string; name?: string }[] {
  return nonEmpty(der, tlv, 'extKeyUsage').map((item) => {
    const oid = decodeOid(der, item)
    const name = extendedKeyUsageNames[oid]
    return name ? { oid, name } : { oid }
  })
}

/** certificatePolicies ::= SEQUENCE SIZE (1..MAX) OF PolicyInformation { policyIdentifier OID, policyQualifiers OPTIONAL } */
export function decodeCertificatePolicies(der: Uint8Array, tlv: Tlv): string[] {
  return nonEmpty(der, tlv, 'certificatePolicies').map((info) => decodeOid(der, childrenOf(der, info, 'PolicyInformation')[0]))
}

/** SubjectKeyIdentifier ::= OCTET STRING, shown as lower-case hex without separators */
export function decodeKeyIdentifier(der: Uint8Array, tlv: Tlv): string {
  return toHex(valueOf(der, expectTag(tlv, TAG.OCTET_STRING, 'subjectKeyIdentifier')))
}

export interface AuthorityKeyId {
  keyId?: string
  issuer?: GeneralName[]
  serialHex?: string
}

/**
 * AuthorityKeyIdentifier ::= SEQUENCE { keyIdentifier [0] IMPLICIT OCTET STRING OPTIONAL,
 *   authorityCertIssuer [1] GeneralNames OPTIONAL, authorityCertSerialNumber [2] INTEGER OPTIONAL }
 */
export function decodeAuthorityKeyId(der: Uint8Array, tlv: Tlv): AuthorityKeyId {
  const out: AuthorityKeyId = {}
  for (const item of childrenOf(der, tlv, 'authorityKeyIdentifier')) {
    if (item.tag === 0x80) out.keyId = toHex(valueOf(der, item))
    else if (item.tag === 0xa1) out.issuer = decodeGeneralNames(der, item, 'authorityCertIssuer')
    else if (item.tag === 0x82) out.serialHex = integerHex(der, { ...item, tag: TAG.INTEGER })
    else throw malformed('unknown field in authorityKeyIdentifier', item.start)
  }
  return out
}

/**
 * CRLDistributionPoints ::= SEQUENCE SIZE (1..MAX) OF DistributionPoint
 * DistributionPoint ::= SEQUENCE { distributionPoint [0] DistributionPointName OPTIONAL,
 *   reasons [1] ReasonFlags OPTIONAL, cRLIssuer [2] GeneralNames OPTIONAL }
 * DistributionPointName ::= CHOICE { fullName [0] GeneralNames, nameRelativeToCRLIssuer [1] RDN }
 * Only the URIs of fullName matter to a relying party that downloads CRLs.
 */
export function decodeCrlDistributionPoints(der: Uint8Array, tlv: Tlv): string[] {
  const uris: string[] = []
  for (const point of nonEmpty(der, tlv, 'cRLDistributionPoints')) {
    const name = childrenOf(der, point, 'DistributionPoint').find((item) => item.tag === 0xa0)
    const fullName = name && children(der, name).find((item) => item.tag === 0xa0)
    if (!fullName) continue
    for (const general of decodeGeneralNames(der, fullName, 'fullName')) if (general.type === 'uri') uris.push(general.value)
  }
  return uris
}

/** AuthorityInfoAccessSyntax ::= SEQUENCE SIZE (1..MAX) OF AccessDescription { accessMethod OID, accessLocation GeneralName } */
export function decodeAuthorityInfoAccess(der: Uint8Array, tlv: Tlv): { ocsp: string[]; caIssuers: string[] } {
  const out = { ocsp: [] as string[], caIssuers: [] as string[] }
  for (const description of nonEmpty(der, tlv, 'authorityInfoAccess')) {
    const [methodTlv, locationTlv, extra] = childrenOf(der, description, 'AccessDescription')
    if (!locationTlv || extra) throw malformed('invalid AccessDescription', description.start)
    const method = decodeOid(der, methodTlv)
    const location = decodeGeneralName(der, locationTlv)
    if (location.type !== 'uri') continue
    if (method === OID.ocsp) out.ocsp.push(location.value)
    else if (method === OID.caIssuers) out.caIssuers.push(location.value)
  }
  return out
}

/** SubjectAltName ::= GeneralNames */
export function decodeSubjectAltName(der: Uint8Array, tlv: Tlv): GeneralName[] {
  return decodeGeneralNames(der, expectTag(tlv, TAG.SEQUENCE, 'subjectAltName'), 'subjectAltName')
}
