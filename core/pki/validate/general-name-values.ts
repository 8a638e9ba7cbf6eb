import { children, malformed, readWhole, valueOf, type Tlv } from '../der'
import { decodeGeneralName, type GeneralNameType } from '../general-names'
import { nameInfo, type NameInfo } from './name-key'

/**
 * GeneralName (RFC 5280 §4.2.1.6) as name constraints need it: the shared decoder's text plus the
 * raw content octets (IP address and mask bytes) and, for directoryName, the comparable name.
 */
export interface NameValue {
  type: GeneralNameType
  /** dNSName, rfc822Name and URI as written; an IP address as text; otherName's type-id */
  text: string
  /** the content octets of the GeneralName */
  bytes: Uint8Array
  dir?: NameInfo
}

export function decodeNameValue(der: Uint8Array, tlv: Tlv): NameValue {
  const general = decodeGeneralName(der, tlv)
  const out: NameValue = { type: general.type, text: general.oid ?? general.value, bytes: valueOf(der, tlv) }
  if (general.type === 'dirName') out.dir = nameInfo(der, readWhole(der, tlv.valueStart, tlv.end, 'directoryName'), 'directoryName')
  return out
}

/** GeneralNames ::= SEQUENCE SIZE (1..MAX) OF GeneralName */
export function decodeNameValues(der: Uint8Array, tlv: Tlv, what: string): NameValue[] {
  if (tlv.tag !== 0x30 && tlv.tag !== 0xa1 && tlv.tag !== 0xa0 && tlv.tag !== 0xa2) throw malformed(`${what} is not a sequence`, tlv.start)
  const list = children(der, tlv).map((child) => decodeNameValue(der, child))
  if (list.length === 0) throw malformed(`empty ${what}`, tlv.start)
  return list
}
