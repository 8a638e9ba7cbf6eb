import { childrenOf, malformed, readWhole, type Tlv } from '../der'
import { decodeBoolean } from '../der-values'
import { namedBits } from './der-strict'
import { decodeNameValues, type NameValue } from './general-name-values'
import { joinRdnKeys, rdnKey, type NameInfo } from './name-key'

/**
 * CRLDistributionPoints ::= SEQUENCE SIZE (1..MAX) OF DistributionPoint            (RFC 5280 §4.2.1.13)
 * DistributionPoint ::= SEQUENCE { distributionPoint [0] DistributionPointName OPTIONAL,
 *   reasons [1] ReasonFlags OPTIONAL, cRLIssuer [2] GeneralNames OPTIONAL }
 * DistributionPointName ::= CHOICE { fullName [0] GeneralNames, nameRelativeToCRLIssuer [1] RelativeDistinguishedName }
 * ReasonFlags ::= BIT STRING { unused (0), keyCompromise (1), cACompromise (2), affiliationChanged (3),
 *   superseded (4), cessationOfOperation (5), certificateHold (6), privilegeWithdrawn (7), aACompromise (8) }
 * IssuingDistributionPoint ::= SEQUENCE { distributionPoint [0] DistributionPointName OPTIONAL,  (§5.2.5, OID 2.5.29.28)
 *   onlyContainsUserCerts [1] BOOLEAN DEFAULT FALSE, onlyContainsCACerts [2] BOOLEAN DEFAULT FALSE,
 *   onlySomeReasons [3] ReasonFlags OPTIONAL, indirectCRL [4] BOOLEAN DEFAULT FALSE,
 *   onlyContainsAttributeCerts [5] BOOLEAN DEFAULT FALSE }
 * Revocation (§6.3.3) only compares names, so they are kept as comparable keys.
 */
export interface PointName {
  fullName?: NameValue[]
  /** the key of nameRelativeToCRLIssuer's RDN, to append to the CRL issuer's name */
  relative?: string
}

export interface DistributionPoint {
  name?: PointName
  reasons?: Set<number>
  crlIssuer?: NameValue[]
}

export interface IssuingDistributionPoint {
  name?: PointName
  onlyUser: boolean
  onlyCA: boolean
  onlyAttribute: boolean
  indirect: boolean
  onlySomeReasons?: Set<number>
}

/** Bits 1–8 of ReasonFlags: every reason a CRL can cover. */
export const ALL_REASONS = [1, 2, 3, 4, 5, 6, 7, 8]

function pointName(der: Uint8Array, wrapper: Tlv): PointName {
  const choice = readWhole(der, wrapper.valueStart, wrapper.end, 'DistributionPointName')
  if (choice.tag === 0xa0) return { fullName: decodeNameValues(der, choice, 'fullName') }
  if (choice.tag === 0xa1) return { relative: rdnKey(der, choice) }
  throw malformed('unknown DistributionPointName', choice.start)
}

export function decodeDistributionPoints(der: Uint8Array, tlv: Tlv): DistributionPoint[] {
  const points = childrenOf(der, tlv, 'cRLDistributionPoints').map((point) => {
    const out: DistributionPoint = {}
    let last = -1
    for (const field of childrenOf(der, point, 'DistributionPoint')) {
      const number = field.tag & 0x1f
      if ((field.tag & 0xc0) !== 0x80 || number <= last || number > 2) throw malformed('unexpected field in DistributionPoint', field.start)
      last = number
      if (number === 0) out.name = pointName(der, field)
      else if (number === 1) out.reasons = namedBits(der, { ...field, tag: 0x03 }).bits
      else out.crlIssuer = decodeNameValues(der, field, 'cRLIssuer')
    }
    return out
  })
  if (points.length === 0) throw malformed('empty cRLDistributionPoints', tlv.start)
  return points
}

export function decodeIssuingDistributionPoint(der: Uint8Array, tlv: Tlv): IssuingDistributionPoint {
  const out: IssuingDistributionPoint = { onlyUser: false, onlyCA: false, onlyAttribute: false, indirect: false }
  let last = -1
  for (const field of childrenOf(der, tlv, 'issuingDistributionPoint')) {
    const number = field.tag & 0x1f
    if ((field.tag & 0xc0) !== 0x80 || number <= last || number > 5) throw malformed('unexpected field in issuingDistributionPoint', field.start)
    last = number
    if (number === 0) out.name = pointName(der, field)
    else if (number === 3) out.onlySomeReasons = namedBits(der, { ...field, tag: 0x03 }).bits
    else {
      const flag = decodeBoolean(der, { ...field, tag: 0x01 })
      if (number === 1) out.onlyUser = flag
      if (number === 2) out.onlyCA = flag
      if (number === 4) out.indirect = flag
      if (number === 5) out.onlyAttribute = flag
    }
  }
  return out
}

/** Comparable keys of a distribution point name; a relative name hangs under the CRL issuer's name. */
export function pointNameKeys(name: PointName, crlIssuer: NameInfo): Set<string> {
  if (name.relative) return new Set(['dirName:' + joinRdnKeys([...crlIssuer.rdnKeys, name.relative])])
  return generalNameKeys(name.fullName ?? [])
}

export function generalNameKeys(names: NameValue[]): Set<string> {
  return new Set(names.map((n) => (n.dir ? 'dirName:' + n.dir.key : `${n.type}:${n.text}`)))
}
