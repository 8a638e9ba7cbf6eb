import { TAG, childrenOf, expectTag, malformed, readWhole, type Tlv } from '../der'
import { decodeBoolean, decodeOid } from '../der-values'
import { PkiError } from '../errors'

/**
 * Extensions ::= SEQUENCE SIZE (1..MAX) OF Extension (RFC 5280 §4.1), as raw values for the CRL
 * and CRL entry decoders: each extension at most once, extnValue holding exactly one element.
 */
export interface RawExtension {
  oid: string
  critical: boolean
  value: Tlv
}

export function readExtensions(der: Uint8Array, sequence: Tlv): RawExtension[] {
  const items = childrenOf(der, sequence, 'extensions')
  if (items.length === 0) throw malformed('empty extensions', sequence.start)
  const seen = new Set<string>()
  return items.map((item) => {
    const fields = childrenOf(der, item, 'Extension')
    if (fields.length < 2 || fields.length > 3) throw malformed('invalid Extension', item.start)
    const oid = decodeOid(der, fields[0])
    if (seen.has(oid)) throw new PkiError('MALFORMED', `extension ${oid} appears twice`)
    seen.add(oid)
    const critical = fields.length === 3 ? decodeBoolean(der, fields[1]) : false
    const octets = expectTag(fields[fields.length - 1], TAG.OCTET_STRING, 'extnValue')
    return { oid, critical, value: readWhole(der, octets.valueStart, octets.end, oid) }
  })
}
