import { childrenOf, malformed, type Tlv } from '../der'
import { decodeOid } from '../der-values'
import { decodeString } from '../strings'

/**
 * certificatePolicies ::= SEQUENCE SIZE (1..MAX) OF PolicyInformation             (RFC 5280 §4.2.1.4)
 * PolicyInformation ::= SEQUENCE { policyIdentifier CertPolicyId, policyQualifiers SEQUENCE SIZE (1..MAX) OF PolicyQualifierInfo OPTIONAL }
 * PolicyQualifierInfo ::= SEQUENCE { policyQualifierId OID, qualifier ANY DEFINED BY policyQualifierId }
 *   id-qt-cps 1.3.6.1.5.5.7.2.1: CPSuri IA5String
 *   id-qt-unotice 1.3.6.1.5.5.7.2.2: UserNotice ::= SEQUENCE { noticeRef NoticeReference OPTIONAL, explicitText DisplayText OPTIONAL }
 *   NoticeReference ::= SEQUENCE { organization DisplayText, noticeNumbers SEQUENCE OF INTEGER }
 *   DisplayText ::= CHOICE { ia5String, visibleString, bmpString, utf8String }
 * The qualifiers do not change validation; what the strict profile refuses is collected in `issues`.
 */
export const ANY_POLICY = '2.5.29.32.0'
const CPS = '1.3.6.1.5.5.7.2.1'
const USER_NOTICE = '1.3.6.1.5.5.7.2.2'

export interface PolicyInformation {
  oid: string
  issues: string[]
}

/** U+0000–U+001F and U+007F–U+009F, the control characters §4.2.1.4 names. */
function isControl(char: string): boolean {
  const code = char.charCodeAt(0)
  return code < 0x20 || (code >= 0x7f && code <= 0x9f)
}

function userNoticeIssues(der: Uint8Array, notice: Tlv, issues: string[]): void {
  for (const field of childrenOf(der, notice, 'UserNotice')) {
    if (field.tag === 0x30) continue // noticeRef
    const text = decodeString(der, field)
    if (text === undefined) throw malformed('explicitText is not a DisplayText', field.start)
    if (field.tag === 0x1a || field.tag === 0x1e) issues.push('explicitText encoded as VisibleString or BMPString')
    if ([...text].some(isControl)) issues.push('explicitText with control characters')
  }
}

export function decodePolicyInformation(der: Uint8Array, tlv: Tlv): PolicyInformation[] {
  const seen = new Set<string>()
  const list = childrenOf(der, tlv, 'certificatePolicies').map((info) => {
    const [idTlv, qualifiers, extra] = childrenOf(der, info, 'PolicyInformation')
    if (extra) throw malformed('extra field in PolicyInformation', info.start)
    const oid = decodeOid(der, idTlv)
    const issues: string[] = []
    if (seen.has(oid)) issues.push(`policy ${oid} listed twice`)
    seen.add(oid)
    if (qualifiers) {
      const items = childrenOf(der, qualifiers, 'policyQualifiers')
      if (items.length === 0) throw malformed('empty policyQualifiers', qualifiers.start)
      for (const item of items) {
        const [qualifierId, value] = childrenOf(der, item, 'PolicyQualifierInfo')
        const qualifierOid = decodeOid(der, qualifierId)
        if (qualifierOid === USER_NOTICE && value) userNoticeIssues(der, value, issues)
        else if (qualifierOid !== CPS && oid === ANY_POLICY) issues.push('anyPolicy with a qualifier other than CPS or user notice')
      }
    }
    return { oid, issues }
  })
  if (list.length === 0) throw malformed('empty certificatePolicies', tlv.start)
  return list
}
