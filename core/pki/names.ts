import { TAG, childrenOf, malformed, type Tlv } from './der'
import { decodeOid, toHex } from './der-values'
import { attributeNames } from './oids'
import { decodeString } from './strings'

/**
 * Name ::= SEQUENCE OF RelativeDistinguishedName                      (RFC 5280 §4.1.2.4)
 * RelativeDistinguishedName ::= SET SIZE (1..MAX) OF AttributeTypeAndValue
 * AttributeTypeAndValue ::= SEQUENCE { type OBJECT IDENTIFIER, value ANY -- DirectoryString mostly }
 *
 * RDNs keep the order and grouping of the encoding: a multi-valued RDN stays one array, because
 * chain building and display both depend on it (STACK.md trap 4 is how such RDNs come about).
 */
export interface NameAttribute {
  type: string
  shortName?: string
  value: string
}

export type Rdn = NameAttribute[]

export interface DistinguishedName {
  rdns: Rdn[]
  /**
   * As `openssl x509 -nameopt utf8,esc_ctrl,sep_comma_plus_space` prints it: RDNs in encoded order
   * joined by ", ", the values of a multi-valued RDN by " + ", control characters as \XX so a name
   * cannot break a line of a log or a table, nothing else escaped. For people to read; code compares
   * `rdns` (or the DER), never this string.
   */
  display: string
}

function attributeValue(der: Uint8Array, tlv: Tlv): string {
  // Values that are not strings are shown as RFC 4514 shows them: '#' and the hex of their DER.
  return decodeString(der, tlv) ?? '#' + toHex(der.subarray(tlv.start, tlv.end))
}

export function decodeName(der: Uint8Array, tlv: Tlv, what: string): DistinguishedName {
  const rdns: Rdn[] = []
  for (const rdnTlv of childrenOf(der, tlv, what)) {
    const rdn: Rdn = []
    for (const atvTlv of childrenOf(der, rdnTlv, `${what} RDN`, TAG.SET)) {
      const [typeTlv, valueTlv, extra] = childrenOf(der, atvTlv, `${what} attribute`)
      if (!valueTlv || extra) throw malformed(`${what} attribute is not a type and one value`, atvTlv.start)
      const type = decodeOid(der, typeTlv)
      const shortName = attributeNames[type]
      const value = attributeValue(der, valueTlv)
      rdn.push(shortName ? { type, shortName, value } : { type, value })
    }
    if (rdn.length === 0) throw malformed(`empty RDN in ${what}`, rdnTlv.start)
    rdns.push(rdn)
  }
  return { rdns, display: formatName(rdns) }
}

function escapeControls(value: string): string {
  let out = ''
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i)
    out += code < 0x20 ? '\\' + code.toString(16).toUpperCase().padStart(2, '0') : value[i]
  }
  return out
}

export function formatName(rdns: Rdn[]): string {
  return rdns.map((rdn) => rdn.map((a) => `${a.shortName ?? a.type}=${escapeControls(a.value)}`).join(' + ')).join(', ')
}

/** Every value of one attribute type, in order (a DN may carry several OUs). */
export function attributeValues(name: DistinguishedName, type: string): string[] {
  const values: string[] = []
  for (const rdn of name.rdns) for (const a of rdn) if (a.type === type) values.push(a.value)
  return values
}
