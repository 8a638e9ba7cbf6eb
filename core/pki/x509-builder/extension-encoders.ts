import { KEY_USAGES, type KeyUsage } from '../extension-decoders'
import { OID } from '../oids'
import { bitString, boolean, explicit, implicitConstructed, implicitPrimitive, integer, octetString, oid, sequence, set, tlv, type Der } from './der-encode'

/**
 * Extension ::= SEQUENCE { extnID OBJECT IDENTIFIER, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }
 * (RFC 5280 §4.1, §4.2). DER leaves `critical` out when it is FALSE. Each encoder's comment gives
 * the structure it writes; OIDs are in ../oids.ts (OID) unless named here.
 */
export const CRL_NUMBER = '2.5.29.20'
export const CRL_REASON = '2.5.29.21'

export function extension(extnId: string, value: Der, critical = false): Der {
  return critical ? sequence(oid(extnId), boolean(true), octetString(value)) : sequence(oid(extnId), octetString(value))
}

/** BasicConstraints ::= SEQUENCE { cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER (0..MAX) OPTIONAL }; critical for CAs (§4.2.1.9) */
export function basicConstraints(ca: boolean, pathLen?: number): Der {
  const fields = ca ? [boolean(true), ...(pathLen === undefined ? [] : [integer(pathLen)])] : []
  return extension(OID.basicConstraints, sequence(...fields), true)
}

/** KeyUsage ::= BIT STRING (named bits, §4.2.1.3); DER drops trailing zero bits (X.690 §11.2.2); always critical here */
export function keyUsage(usages: readonly KeyUsage[]): Der {
  const bits = usages.map((usage) => KEY_USAGES.indexOf(usage))
  const last = Math.max(...bits)
  const bytes = new Uint8Array((last >> 3) + 1)
  for (const bit of bits) bytes[bit >> 3] |= 0x80 >> (bit & 7)
  return extension(OID.keyUsage, bitString(bytes, 7 - (last & 7)), true)
}

/** ExtKeyUsageSyntax ::= SEQUENCE SIZE (1..MAX) OF KeyPurposeId; non-critical so relying parties that don't know a purpose still accept it */
export function extendedKeyUsage(purposes: readonly string[]): Der {
  return extension(OID.extKeyUsage, sequence(...purposes.map(oid)))
}

/** SubjectKeyIdentifier ::= KeyIdentifier (OCTET STRING) */
export function subjectKeyIdentifier(keyId: Uint8Array): Der {
  return extension(OID.subjectKeyIdentifier, octetString(keyId))
}

/** AuthorityKeyIdentifier ::= SEQUENCE { keyIdentifier [0] IMPLICIT KeyIdentifier OPTIONAL, … }: chains are built by it (pki/README.md) */
export function authorityKeyIdentifier(keyId: Uint8Array): Der {
  return extension(OID.authorityKeyIdentifier, sequence(implicitPrimitive(0, keyId)))
}

/** certificatePolicies ::= SEQUENCE SIZE (1..MAX) OF PolicyInformation { policyIdentifier CertPolicyId } */
export function certificatePolicies(policies: readonly string[]): Der {
  return extension(OID.certificatePolicies, sequence(...policies.map((policy) => sequence(oid(policy)))))
}

/**
 * CRLDistributionPoints ::= SEQUENCE SIZE (1..MAX) OF DistributionPoint
 * DistributionPoint ::= SEQUENCE { distributionPoint [0] DistributionPointName OPTIONAL, … }
 * DistributionPointName ::= CHOICE { fullName [0] GeneralNames, … }; GeneralName uniformResourceIdentifier [6] IA5String
 * ([0] around a CHOICE is explicit, so both tags are constructed.)
 */
export function crlDistributionPoints(urls: readonly string[]): Der {
  const point = (url: string) => sequence(implicitConstructed(0, implicitConstructed(0, implicitPrimitive(6, new TextEncoder().encode(url)))))
  return extension(OID.cRLDistributionPoints, sequence(...urls.map(point)))
}

/**
 * SubjectDirectoryAttributes ::= SEQUENCE SIZE (1..MAX) OF Attribute { type OID, values SET OF ANY } (§4.2.1.8),
 * non-critical as RFC 5280 requires; GPKI puts the holder's identity here (see ../gpki-identity.ts).
 */
export function subjectDirectoryAttributes(attributes: readonly (readonly [type: string, value: Der])[]): Der {
  return extension(OID.subjectDirectoryAttributes, sequence(...attributes.map(([type, value]) => sequence(oid(type), set(value)))))
}

/** CRLNumber ::= INTEGER (0..MAX) (§5.2.3) */
export function crlNumber(value: bigint): Der {
  return extension(CRL_NUMBER, integer(bigintBytes(value)))
}

/** CRLReason ::= ENUMERATED (§5.3.1) */
export function crlReason(code: number): Der {
  return extension(CRL_REASON, tlv(0x0a, Uint8Array.of(code)))
}

export function bigintBytes(value: bigint): Uint8Array {
  if (value < 0n) throw new RangeError('negative')
  const bytes: number[] = []
  for (let rest = value; rest > 0n; rest >>= 8n) bytes.unshift(Number(rest & 0xffn))
  return Uint8Array.from(bytes.length ? bytes : [0])
}

/** Extensions ::= SEQUENCE SIZE (1..MAX) OF Extension, as the [n] EXPLICIT field of a TBS structure */
export function extensionsField(tag: number, extensions: readonly Der[]): Der {
  return explicit(tag, sequence(...extensions))
}
