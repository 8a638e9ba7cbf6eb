import { TAG, children, childrenOf, malformed, readWhole, type Tlv } from '../der'
import { decodeOid, smallInteger } from '../der-values'
import { decodeNameValue, type NameValue } from './general-name-values'

/**
 * Decoders of the path-processing extensions the shared reader only lists (RFC 5280 §4.2.1.5,
 * §4.2.1.10, §4.2.1.11, §4.2.1.14). Each gets the DER inside extnValue and throws MALFORMED on
 * anything the ASN.1 does not allow, SIZE (1..MAX) included.
 */

/**
 * NameConstraints ::= SEQUENCE { permittedSubtrees [0] GeneralSubtrees OPTIONAL, excludedSubtrees [1] GeneralSubtrees OPTIONAL }
 * GeneralSubtrees ::= SEQUENCE SIZE (1..MAX) OF GeneralSubtree
 * GeneralSubtree ::= SEQUENCE { base GeneralName, minimum [0] BaseDistance DEFAULT 0, maximum [1] BaseDistance OPTIONAL }
 * RFC 5280: minimum MUST be zero (so absent under DER) and maximum MUST be absent; either side may
 * be empty, but not both ("MUST NOT issue ... where name constraints is an empty sequence").
 */
export interface NameConstraints {
  permitted: NameValue[]
  excluded: NameValue[]
  /** whether permittedSubtrees was present, even for forms we cannot check */
  hasPermitted: boolean
}

function subtrees(der: Uint8Array, tlv: Tlv): NameValue[] {
  const list = children(der, tlv).map((subtree) => {
    const [base, ...rest] = childrenOf(der, subtree, 'GeneralSubtree')
    if (!base || rest.length) throw malformed('GeneralSubtree with minimum or maximum', subtree.start)
    const value = decodeNameValue(der, base)
    if (value.type === 'ip' && value.bytes.length !== 8 && value.bytes.length !== 32) throw malformed('iPAddress constraint is not address and mask', base.start)
    return value
  })
  if (list.length === 0) throw malformed('empty GeneralSubtrees', tlv.start)
  return list
}

export function decodeNameConstraints(der: Uint8Array, tlv: Tlv): NameConstraints {
  const out: NameConstraints = { permitted: [], excluded: [], hasPermitted: false }
  const fields = childrenOf(der, tlv, 'nameConstraints')
  if (fields.length === 0) throw malformed('empty nameConstraints', tlv.start)
  for (const field of fields) {
    if (field.tag === 0xa0 && !out.hasPermitted && out.excluded.length === 0) {
      out.permitted = subtrees(der, field)
      out.hasPermitted = true
    } else if (field.tag === 0xa1 && out.excluded.length === 0) out.excluded = subtrees(der, field)
    else throw malformed('unexpected field in nameConstraints', field.start)
  }
  return out
}

/** PolicyMappings ::= SEQUENCE SIZE (1..MAX) OF SEQUENCE { issuerDomainPolicy CertPolicyId, subjectDomainPolicy CertPolicyId } */
export function decodePolicyMappings(der: Uint8Array, tlv: Tlv): [issuer: string, subject: string][] {
  const list = childrenOf(der, tlv, 'policyMappings').map((pair): [string, string] => {
    const [issuer, subject, extra] = childrenOf(der, pair, 'policy mapping')
    if (extra) throw malformed('extra field in policy mapping', pair.start)
    return [decodeOid(der, issuer), decodeOid(der, subject)]
  })
  if (list.length === 0) throw malformed('empty policyMappings', tlv.start)
  return list
}

/** PolicyConstraints ::= SEQUENCE { requireExplicitPolicy [0] SkipCerts OPTIONAL, inhibitPolicyMapping [1] SkipCerts OPTIONAL } */
export function decodePolicyConstraints(der: Uint8Array, tlv: Tlv): { requireExplicitPolicy?: number; inhibitPolicyMapping?: number } {
  const out: { requireExplicitPolicy?: number; inhibitPolicyMapping?: number } = {}
  const fields = childrenOf(der, tlv, 'policyConstraints')
  if (fields.length === 0) throw malformed('empty policyConstraints', tlv.start)
  for (const field of fields) {
    const value = smallInteger(der, { ...field, tag: TAG.INTEGER })
    if (field.tag === 0x80 && out.requireExplicitPolicy === undefined && out.inhibitPolicyMapping === undefined) out.requireExplicitPolicy = value
    else if (field.tag === 0x81 && out.inhibitPolicyMapping === undefined) out.inhibitPolicyMapping = value
    else throw malformed('unexpected field in policyConstraints', field.start)
  }
  return out
}

/** InhibitAnyPolicy ::= SkipCerts; SkipCerts ::= INTEGER (0..MAX) */
export function decodeInhibitAnyPolicy(der: Uint8Array, tlv: Tlv): number {
  return smallInteger(der, tlv)
}

/** For a DER value that must be one element: e.g. an extension holding a bare OCTET STRING (CT SCT list). */
export function decodeOctetStringValue(der: Uint8Array, tlv: Tlv): void {
  if (tlv.tag !== TAG.OCTET_STRING) throw malformed('expected an OCTET STRING', tlv.start)
  readWhole(der, tlv.start, tlv.end, 'OCTET STRING')
}
