import { TAG, childrenOf, expectTag, malformed, readWhole, type Tlv } from './der'
import { decodeBoolean, decodeOid } from './der-values'
import { PkiError } from './errors'
import {
  decodeAuthorityInfoAccess,
  decodeAuthorityKeyId,
  decodeBasicConstraints,
  decodeCertificatePolicies,
  decodeCrlDistributionPoints,
  decodeExtendedKeyUsage,
  decodeKeyIdentifier,
  decodeKeyUsage,
  decodeSubjectAltName,
  type AuthorityKeyId,
  type KeyUsage,
} from './extension-decoders'
import type { GeneralName } from './general-names'
import { decodeSubjectDirectoryAttributes, type DirectoryAttribute } from './gpki-identity'
import { OID, extensionNames } from './oids'

/**
 * Extensions ::= SEQUENCE SIZE (1..MAX) OF Extension                  (RFC 5280 §4.1, §4.2)
 * Extension ::= SEQUENCE { extnID OBJECT IDENTIFIER, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }
 *
 * A known extension that does not decode makes the whole certificate MALFORMED, and so does a
 * repeated one (RFC 5280 §4.2: at most one instance each): showing either would mean guessing
 * which reading a relying party takes. Unknown extensions are listed, not judged.
 */
export interface ExtensionSummary {
  oid: string
  critical: boolean
  name?: string
}

export interface CertificateExtensions {
  /** every extension in order, known or not */
  list: ExtensionSummary[]
  keyUsage?: KeyUsage[]
  extendedKeyUsage?: { oid: string; name?: string }[]
  /** policy OIDs */
  certificatePolicies?: string[]
  basicConstraints?: { ca: boolean; pathLen?: number }
  /** lower-case hex */
  subjectKeyIdentifier?: string
  authorityKeyIdentifier?: AuthorityKeyId
  /** the URIs of every distribution point's full name */
  cRLDistributionPoints?: string[]
  authorityInfoAccess?: { ocsp: string[]; caIssuers: string[] }
  subjectAltName?: GeneralName[]
  subjectDirectoryAttributes?: DirectoryAttribute[]
}

type Decoded = Omit<CertificateExtensions, 'list'>
type Decoder = (der: Uint8Array, value: Tlv, out: Decoded) => void

const decoders: Record<string, Decoder> = {
  [OID.keyUsage]: (der, v, out) => (out.keyUsage = decodeKeyUsage(der, v)),
  [OID.extKeyUsage]: (der, v, out) => (out.extendedKeyUsage = decodeExtendedKeyUsage(der, v)),
  [OID.certificatePolicies]: (der, v, out) => (out.certificatePolicies = decodeCertificatePolicies(der, v)),
  [OID.basicConstraints]: (der, v, out) => (out.basicConstraints = decodeBasicConstraints(der, v)),
  [OID.subjectKeyIdentifier]: (der, v, out) => (out.subjectKeyIdentifier = decodeKeyIdentifier(der, v)),
  [OID.authorityKeyIdentifier]: (der, v, out) => (out.authorityKeyIdentifier = decodeAuthorityKeyId(der, v)),
  [OID.cRLDistributionPoints]: (der, v, out) => (out.cRLDistributionPoints = decodeCrlDistributionPoints(der, v)),
  [OID.authorityInfoAccess]: (der, v, out) => (out.authorityInfoAccess = decodeAuthorityInfoAccess(der, v)),
  [OID.subjectAltName]: (der, v, out) => (out.subjectAltName = decodeSubjectAltName(der, v)),
  [OID.subjectDirectoryAttributes]: (der, v, out) => (out.subjectDirectoryAttributes = decodeSubjectDirectoryAttributes(der, v)),
}

/** `explicit` is the [3] EXPLICIT wrapper of TBSCertificate, or undefined when there is none. */
export function decodeExtensions(der: Uint8Array, explicit: Tlv | undefined): CertificateExtensions {
  const result: CertificateExtensions = { list: [] }
  if (!explicit) return result
  const sequence = readWhole(der, explicit.valueStart, explicit.end, 'extensions')
  const items = childrenOf(der, sequence, 'extensions')
  if (items.length === 0) throw malformed('empty extensions', sequence.start)
  const seen = new Set<string>()
  for (const item of items) {
    const fields = childrenOf(der, item, 'Extension')
    const oid = decodeOid(der, fields[0])
    const critical = fields.length === 3 ? decodeBoolean(der, fields[1]) : false
    const octets = expectTag(fields[fields.length - 1], TAG.OCTET_STRING, 'extnValue')
    if (fields.length < 2 || fields.length > 3) throw malformed('invalid Extension', item.start)
    if (seen.has(oid)) throw new PkiError('MALFORMED', `extension ${oid} appears twice`)
    seen.add(oid)
    const name = extensionNames[oid]
    result.list.push(name ? { oid, critical, name } : { oid, critical })
    const decode = decoders[oid]
    if (!decode) continue
    try {
      decode(der, readWhole(der, octets.valueStart, octets.end, name ?? oid), result)
    } catch (error) {
      if (error instanceof PkiError) throw new PkiError('MALFORMED', `${name}: ${error.detail ?? error.code}`, { cause: error })
      throw error
    }
  }
  return result
}
