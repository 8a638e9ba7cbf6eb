import { TAG, childrenOf, malformed, type Tlv } from './der'
import { decodeOid, toHex } from './der-values'
import { PkiError } from './errors'
import { attributeValues, type DistinguishedName } from './names'
import { OID } from './oids'
import { decodeString } from './strings'

/**
 * SubjectDirectoryAttributes ::= SEQUENCE SIZE (1..MAX) OF Attribute   (RFC 5280 §4.2.1.8)
 * Attribute ::= SEQUENCE { type OBJECT IDENTIFIER, values SET OF AttributeValue }
 *
 * Taiwan's GPKI puts the holder's identity here (pki/README.md; seen on the samples with
 * `openssl asn1parse`: strings are PrintableString or UTF8String, the class an OID, each in a SET):
 *   2.16.886.1.100.2.1    subject class (OID, e.g. 2.16.886.1.100.3.1.9 for a MOICA citizen)
 *   2.16.886.1.100.2.2    card type: primary / secondary / mobile
 *   2.16.886.1.100.2.51   last 4 characters of the national ID or resident number (MOICA)
 *   2.16.886.1.100.2.101  Unified Business Number (MOEACA; newer ones repeat it as subject serialNumber)
 *   2.16.886.1.100.2.102  organisation OID (GCA, XCA)
 */
export interface DirectoryAttribute {
  type: string
  /** strings as text, OIDs dotted, anything else '#' + hex of its DER */
  values: string[]
}

export function decodeSubjectDirectoryAttributes(der: Uint8Array, tlv: Tlv): DirectoryAttribute[] {
  const attributes = childrenOf(der, tlv, 'subjectDirectoryAttributes').map((attribute) => {
    const [typeTlv, setTlv, extra] = childrenOf(der, attribute, 'Attribute')
    if (extra) throw malformed('extra field in Attribute', attribute.start)
    const values = childrenOf(der, setTlv, 'Attribute values', TAG.SET).map(
      (value) => decodeString(der, value) ?? (value.tag === TAG.OID ? decodeOid(der, value) : '#' + toHex(der.subarray(value.start, value.end))),
    )
    return { type: decodeOid(der, typeTlv), values }
  })
  if (attributes.length === 0) throw malformed('empty subjectDirectoryAttributes', tlv.start)
  return attributes
}

export const CARD_TYPES = ['primary', 'secondary', 'mobile'] as const
export type CardType = (typeof CARD_TYPES)[number]

export interface GpkiIdentity {
  /** the subject's common name, or its organisation when it has none (company-style certificates) */
  name?: string
  idLast4?: string
  /** 8 digits; where it came from is in ubnSource */
  ubn?: string
  ubnSource?: 'extension' | 'subject-serial-number' | 'customs-cn'
  orgOid?: string
  subjectClass?: string
  /** one of CARD_TYPES, or the value as written when it is none of them */
  cardType?: CardType | (string & {})
  /** a customs-personal certificate's broker code (專責報關人員代碼), e.g. B00051 */
  brokerCode?: string
}

const UBN = /^\d{8}$/

/**
 * The GPKI identity of a certificate. The UBN comes from the extension first and from an 8-digit
 * subject serialNumber second (MOICA's 16-digit serialNumber is an opaque card id, never a UBN);
 * when both are present and differ the certificate is refused with UBN_MISMATCH, since either
 * could be the one an attacker chose.
 */
export function gpkiIdentity(subject: DistinguishedName, attributes: DirectoryAttribute[] | undefined): GpkiIdentity {
  const first = (type: string) => attributes?.find((a) => a.type === type)?.values[0]?.trim()
  const identity: GpkiIdentity = {}
  const name = attributeValues(subject, OID.commonName)[0] ?? attributeValues(subject, OID.organization)[0]
  if (name !== undefined) identity.name = name
  const idLast4 = first(OID.gpkiIdLast4)
  if (idLast4) identity.idLast4 = idLast4
  const orgOid = first(OID.gpkiOrgOid)
  if (orgOid) identity.orgOid = orgOid
  const subjectClass = first(OID.gpkiSubjectClass)
  if (subjectClass) identity.subjectClass = subjectClass
  const cardType = first(OID.gpkiCardType)
  if (cardType) identity.cardType = CARD_TYPES.find((known) => known === cardType.toLowerCase()) ?? cardType

  const fromExtension = first(OID.gpkiUbn)
  const fromSubject = attributeValues(subject, OID.serialNumber).find((value) => UBN.test(value.trim()))?.trim()
  if (fromExtension && fromSubject && fromExtension !== fromSubject) {
    throw new PkiError('UBN_MISMATCH', `extension ${fromExtension}, subject serialNumber ${fromSubject}`)
  }
  if (fromExtension) Object.assign(identity, { ubn: fromExtension, ubnSource: 'extension' })
  else if (fromSubject) Object.assign(identity, { ubn: fromSubject, ubnSource: 'subject-serial-number' })
  return identity
}
