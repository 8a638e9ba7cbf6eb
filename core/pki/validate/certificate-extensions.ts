import { TAG, childrenOf, expectTag, malformed, readWhole, type Tlv } from '../der'
import { decodeBoolean, decodeOid } from '../der-values'
import { PkiError } from '../errors'
import {
  KEY_USAGES,
  decodeAuthorityInfoAccess,
  decodeAuthorityKeyId,
  decodeBasicConstraints,
  decodeExtendedKeyUsage,
  decodeKeyIdentifier,
  type AuthorityKeyId,
  type KeyUsage,
} from '../extension-decoders'
import { decodeSubjectDirectoryAttributes } from '../gpki-identity'
import {
  decodeInhibitAnyPolicy,
  decodeNameConstraints,
  decodeOctetStringValue,
  decodePolicyConstraints,
  decodePolicyMappings,
  type NameConstraints,
} from './constraint-extensions'
import { namedBits } from './der-strict'
import { decodeDistributionPoints, type DistributionPoint } from './distribution-points'
import { decodeNameValues, type NameValue } from './general-name-values'
import { decodePolicyInformation, type PolicyInformation } from './policy-information'

/**
 * Extensions ::= SEQUENCE SIZE (1..MAX) OF Extension                   (RFC 5280 §4.1, §4.2)
 * Extension ::= SEQUENCE { extnID OBJECT IDENTIFIER, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }
 *
 * Every extension the validator processes, decoded strictly: a known extension that does not decode,
 * or one that appears twice, makes the certificate MALFORMED. `EXTENSION_OIDS` is the set of
 * extensions we recognise; a critical extension outside it fails the path (RFC 5280 §4.2).
 */
export interface CertificateExtensions {
  list: { oid: string; critical: boolean }[]
  /** decodable but not DER, for the strict profile */
  issues: string[]
  basicConstraints?: { ca: boolean; pathLen?: number }
  keyUsage?: Set<KeyUsage>
  extKeyUsage?: string[]
  subjectKeyId?: string
  authorityKeyId?: AuthorityKeyId
  /** authorityCertIssuer with raw values, for the strict profile's syntax checks */
  authorityCertIssuer?: NameValue[]
  subjectAltName?: NameValue[]
  nameConstraints?: NameConstraints
  policies?: PolicyInformation[]
  policyMappings?: [string, string][]
  policyConstraints?: { requireExplicitPolicy?: number; inhibitPolicyMapping?: number }
  inhibitAnyPolicy?: number
  crlDistributionPoints?: DistributionPoint[]
}

type Decoder = (der: Uint8Array, value: Tlv, out: CertificateExtensions) => void

function keyUsage(der: Uint8Array, value: Tlv, out: CertificateExtensions): Set<KeyUsage> {
  const { bits, notDer } = namedBits(der, value)
  if (notDer) out.issues.push('keyUsage BIT STRING not in DER form')
  if (bits.size === 0) throw malformed('keyUsage with no bit set', value.start)
  if ([...bits].some((bit) => bit >= KEY_USAGES.length)) throw malformed('keyUsage with bits beyond decipherOnly', value.start)
  return new Set([...bits].map((bit) => KEY_USAGES[bit]))
}

const ignore: Decoder = () => {}

export const DECODERS: Record<string, Decoder> = {
  '2.5.29.9': (der, v) => void decodeSubjectDirectoryAttributes(der, v),
  '2.5.29.14': (der, v, out) => (out.subjectKeyId = decodeKeyIdentifier(der, v)),
  '2.5.29.15': (der, v, out) => (out.keyUsage = keyUsage(der, v, out)),
  '2.5.29.17': (der, v, out) => (out.subjectAltName = decodeNameValues(der, expectTag(v, TAG.SEQUENCE, 'subjectAltName'), 'subjectAltName')),
  '2.5.29.18': (der, v) => void decodeNameValues(der, expectTag(v, TAG.SEQUENCE, 'issuerAltName'), 'issuerAltName'),
  '2.5.29.19': (der, v, out) => (out.basicConstraints = decodeBasicConstraints(der, v)),
  '2.5.29.30': (der, v, out) => (out.nameConstraints = decodeNameConstraints(der, v)),
  '2.5.29.31': (der, v, out) => (out.crlDistributionPoints = decodeDistributionPoints(der, v)),
  '2.5.29.32': (der, v, out) => (out.policies = decodePolicyInformation(der, v)),
  '2.5.29.33': (der, v, out) => (out.policyMappings = decodePolicyMappings(der, v)),
  '2.5.29.35': (der, v, out) => {
    out.authorityKeyId = decodeAuthorityKeyId(der, v)
    const issuer = childrenOf(der, v, 'authorityKeyIdentifier').find((field) => field.tag === 0xa1)
    if (issuer) out.authorityCertIssuer = decodeNameValues(der, issuer, 'authorityCertIssuer')
  },
  '2.5.29.36': (der, v, out) => (out.policyConstraints = decodePolicyConstraints(der, v)),
  '2.5.29.37': (der, v, out) => (out.extKeyUsage = decodeExtendedKeyUsage(der, v).map((eku) => eku.oid)),
  '2.5.29.46': (der, v) => void decodeDistributionPoints(der, v),
  '2.5.29.54': (der, v, out) => (out.inhibitAnyPolicy = decodeInhibitAnyPolicy(der, v)),
  '1.3.6.1.5.5.7.1.1': (der, v) => void decodeAuthorityInfoAccess(der, v),
  '1.3.6.1.5.5.7.1.11': (der, v) => void decodeAuthorityInfoAccess(der, v),
  // Certificate Transparency SCT list: an OCTET STRING of TLS-encoded data, never critical.
  '1.3.6.1.4.1.11129.2.4.2': (der, v) => decodeOctetStringValue(der, v),
  // Netscape comment and certificate type: display only.
  '2.16.840.1.113730.1.13': ignore,
}

/** Recognised when critical: everything decoded above except the display-only and CT ones. */
export const PROCESSED_CRITICAL = new Set(Object.keys(DECODERS).filter((oid) => !oid.startsWith('1.3.6.1.4.1.11129') && !oid.startsWith('2.16.840')))

/** `explicit` is the [3] EXPLICIT wrapper of TBSCertificate, or undefined when there is none. */
export function decodeCertificateExtensions(der: Uint8Array, explicit: Tlv | undefined): CertificateExtensions {
  const out: CertificateExtensions = { list: [], issues: [] }
  if (!explicit) return out
  const items = childrenOf(der, readWhole(der, explicit.valueStart, explicit.end, 'extensions'), 'extensions')
  if (items.length === 0) throw malformed('empty extensions', explicit.start)
  const seen = new Set<string>()
  for (const item of items) {
    const fields = childrenOf(der, item, 'Extension')
    if (fields.length < 2 || fields.length > 3) throw malformed('invalid Extension', item.start)
    const oid = decodeOid(der, fields[0])
    const critical = fields.length === 3 ? decodeBoolean(der, fields[1]) : false
    const octets = expectTag(fields[fields.length - 1], TAG.OCTET_STRING, 'extnValue')
    if (seen.has(oid)) throw new PkiError('MALFORMED', `extension ${oid} appears twice`)
    seen.add(oid)
    out.list.push({ oid, critical })
    const decode = DECODERS[oid]
    if (!decode) continue
    try {
      decode(der, readWhole(der, octets.valueStart, octets.end, oid), out)
    } catch (error) {
      if (error instanceof PkiError) throw new PkiError('MALFORMED', `extension ${oid}: ${error.detail ?? error.code}`, { cause: error })
      throw error
    }
  }
  return out
}
