import { children, malformed, readWhole, valueOf, type Tlv } from './der'
import { decodeOid, toHex } from './der-values'
import { decodeName } from './names'
import { decodeString } from './strings'

/**
 * GeneralName ::= CHOICE {                                             (RFC 5280 §4.2.1.6)
 *   otherName [0] OtherName,  rfc822Name [1] IA5String,  dNSName [2] IA5String,
 *   x400Address [3] ORAddress,  directoryName [4] Name,  ediPartyName [5] EDIPartyName,
 *   uniformResourceIdentifier [6] IA5String,  iPAddress [7] OCTET STRING,  registeredID [8] OID }
 * OtherName ::= SEQUENCE { type-id OBJECT IDENTIFIER, value [0] EXPLICIT ANY }
 * GeneralNames ::= SEQUENCE SIZE (1..MAX) OF GeneralName
 */
export type GeneralNameType = 'otherName' | 'email' | 'dns' | 'x400Address' | 'dirName' | 'ediPartyName' | 'uri' | 'ip' | 'registeredId'

export interface GeneralName {
  type: GeneralNameType
  /** the text; a directory name as its display string; an IP address in dotted or colon form; else hex */
  value: string
  /** otherName's type-id */
  oid?: string
}

const TYPES: GeneralNameType[] = ['otherName', 'email', 'dns', 'x400Address', 'dirName', 'ediPartyName', 'uri', 'ip', 'registeredId']

function ascii(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i++) out += String.fromCharCode(bytes[i])
  return out
}

function ipAddress(bytes: Uint8Array): string {
  if (bytes.length === 4) return Array.from(bytes).join('.')
  if (bytes.length === 16) {
    const groups: string[] = []
    for (let i = 0; i < 16; i += 2) groups.push(((bytes[i] << 8) | bytes[i + 1]).toString(16))
    return groups.join(':')
  }
  // 8 or 32 bytes are address/mask pairs, valid only in name constraints.
  return toHex(bytes)
}

export function decodeGeneralName(der: Uint8Array, tlv: Tlv): GeneralName {
  if ((tlv.tag & 0xc0) !== 0x80 || (tlv.tag & 0x1f) > 8) throw malformed('unknown GeneralName', tlv.start)
  const type = TYPES[tlv.tag & 0x1f]
  const constructed = (tlv.tag & 0x20) !== 0
  const mustBeConstructed = type === 'otherName' || type === 'x400Address' || type === 'dirName' || type === 'ediPartyName'
  if (constructed !== mustBeConstructed) throw malformed(`GeneralName ${type} in the wrong form`, tlv.start)
  switch (type) {
    case 'email':
    case 'dns':
    case 'uri':
      return { type, value: ascii(valueOf(der, tlv)) }
    case 'ip':
      return { type, value: ipAddress(valueOf(der, tlv)) }
    case 'registeredId':
      return { type, value: decodeOid(der, { ...tlv, tag: 0x06 }) }
    case 'dirName':
      return { type, value: decodeName(der, readWhole(der, tlv.valueStart, tlv.end, 'directoryName'), 'directoryName').display }
    case 'otherName': {
      const [idTlv, explicitTlv, extra] = children(der, tlv)
      if (!explicitTlv || explicitTlv.tag !== 0xa0 || extra) throw malformed('invalid otherName', tlv.start)
      const inner = readWhole(der, explicitTlv.valueStart, explicitTlv.end, 'otherName value')
      return { type, oid: decodeOid(der, idTlv), value: decodeString(der, inner) ?? toHex(der.subarray(inner.start, inner.end)) }
    }
    default:
      return { type, value: toHex(valueOf(der, tlv)) }
  }
}

export function decodeGeneralNames(der: Uint8Array, tlv: Tlv, what: string): GeneralName[] {
  const list = children(der, tlv).map((child) => decodeGeneralName(der, child))
  if (list.length === 0) throw malformed(`empty ${what}`, tlv.start)
  return list
}
