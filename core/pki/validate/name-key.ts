import { children, childrenOf, malformed, type Tlv } from '../der'
import { decodeOid, toHex } from '../der-values'
import { decodeName, type DistinguishedName } from '../names'
import { decodeString } from '../strings'

/**
 * Name comparison for chaining, CRL issuers and directoryName constraints (RFC 5280 §7.1):
 * attribute types compare exactly, string values after the RFC 4518 preparation that matters in
 * practice (Unicode NFKC, case folding, leading/trailing space removed, inner runs of space folded
 * to one), whatever string type encodes them; other values compare by their DER. RDNs keep their
 * order, the attributes inside one RDN do not. PKITS 4.3.3–4.3.11 test exactly these rules.
 */
export interface NameInfo {
  /** the whole Name element, tag included */
  der: Uint8Array
  dn: DistinguishedName
  /** one key per RDN, in order */
  rdnKeys: string[]
  /** all RDN keys joined: equal keys mean equal names */
  key: string
  /** lexical problems a strict profile refuses: '@' in a PrintableString, 8-bit IA5String */
  stringIssues: string[]
}

const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]*$/

function prepare(value: string): string {
  return value.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()
}

function valueKey(der: Uint8Array, tlv: Tlv, issues: string[]): string {
  const text = decodeString(der, tlv)
  if (text === undefined) return '#' + toHex(der.subarray(tlv.start, tlv.end))
  if (tlv.tag === 0x13 && !PRINTABLE.test(text)) issues.push('PrintableString with characters outside its set')
  if (tlv.tag === 0x16 && [...text].some((c) => c.charCodeAt(0) > 0x7f)) issues.push('IA5String with 8-bit characters')
  // §4.1.2.4: new names use PrintableString or UTF8String; BMPString stays allowed for old GPKI names.
  if (tlv.tag === 0x14) issues.push('TeletexString in a name')
  return '"' + prepare(text)
}

/** The key of one RDN; `rdn` may be a SET or an implicitly tagged one (nameRelativeToCRLIssuer [1]). */
export function rdnKey(der: Uint8Array, rdn: Tlv, issues: string[] = []): string {
  const atvs = children(der, rdn)
  if (atvs.length === 0) throw malformed('empty RDN', rdn.start)
  return atvs
    .map((atv) => {
      const [typeTlv, valueTlv, extra] = childrenOf(der, atv, 'attribute')
      if (!valueTlv || extra) throw malformed('attribute is not a type and one value', atv.start)
      return decodeOid(der, typeTlv) + '=' + valueKey(der, valueTlv, issues)
    })
    .sort()
    .join('\u0001')
}

export function joinRdnKeys(rdnKeys: string[]): string {
  return rdnKeys.join('\u0002')
}

export function nameInfo(der: Uint8Array, tlv: Tlv, what: string): NameInfo {
  const dn = decodeName(der, tlv, what)
  const issues: string[] = []
  // decodeName has checked that every RDN is a non-empty SET
  const rdnKeys = childrenOf(der, tlv, what).map((rdn) => rdnKey(der, rdn, issues))
  return { der: der.subarray(tlv.start, tlv.end), dn, rdnKeys, key: joinRdnKeys(rdnKeys), stringIssues: issues }
}

/** RFC 5280 §4.2.1.10: a directoryName is within a subtree when the subtree's RDNs start it. */
export function nameWithin(name: NameInfo, base: NameInfo): boolean {
  if (base.rdnKeys.length > name.rdnKeys.length) return false
  return base.rdnKeys.every((key, i) => name.rdnKeys[i] === key)
}
