import { integer, sequence, time, type Der } from '../x509-builder/der-encode'
import { fromHexString } from '../x509-builder/base64-encode'
import { authorityKeyIdentifier, crlNumber as crlNumberExtension, crlReason, extensionsField } from '../x509-builder/extension-encoders'
import { algorithmIdentifier, schemeForKey, signStructure } from '../x509-builder/signature'
import { issuerFacts } from './ca-certificate'
import type { IssuingCa } from './ca-types'

/**
 * CertificateList ::= SEQUENCE { tbsCertList TBSCertList, signatureAlgorithm AlgorithmIdentifier, signatureValue BIT STRING }
 * TBSCertList ::= SEQUENCE {                                            (RFC 5280 §5.1)
 *   version INTEGER v2(1), signature AlgorithmIdentifier, issuer Name, thisUpdate Time, nextUpdate Time,
 *   revokedCertificates SEQUENCE OF SEQUENCE { userCertificate INTEGER, revocationDate Time,
 *     crlEntryExtensions Extensions OPTIONAL } OPTIONAL,
 *   crlExtensions [0] EXPLICIT Extensions }
 * crlExtensions: authorityKeyIdentifier (2.5.29.35) and cRLNumber (2.5.29.20), both required by §5.2.
 * Entry extension: reasonCode (2.5.29.21), left out for `unspecified` as §5.3.1 recommends.
 *
 * Full CRLs only. Suspension is certificateHold (6); release (unsuspending) simply leaves the cert
 * off the next CRL. removeFromCRL (8) exists only for delta CRLs (§5.3.1) and is refused here.
 * The caller stores the revocation state and guarantees that crlNumber always increases.
 */
export const CRL_REASONS = {
  unspecified: 0,
  keyCompromise: 1,
  cACompromise: 2,
  affiliationChanged: 3,
  superseded: 4,
  cessationOfOperation: 5,
  certificateHold: 6,
  privilegeWithdrawn: 9,
  aACompromise: 10,
} as const
export type CrlReason = keyof typeof CRL_REASONS

export interface CrlEntry {
  /** as inspectCertificate reports it: lower- or upper-case hex, no sign byte */
  serialHex: string
  revokedAt: Date
  reason: CrlReason
}

export interface SignCrlOptions {
  ca: IssuingCa
  entries: readonly CrlEntry[]
  crlNumber: bigint | number
  thisUpdate: Date
  nextUpdate: Date
}

function entry({ serialHex, revokedAt, reason }: CrlEntry): Der {
  const serial = fromHexString(serialHex.length % 2 ? '0' + serialHex : serialHex)
  if (!serial || serial.length > 20) throw new RangeError(`serial ${serialHex}`)
  if (!(reason in CRL_REASONS)) throw new RangeError(`reason ${reason}: a full CRL has no removeFromCRL; a released certificate simply leaves the list`)
  const code = CRL_REASONS[reason]
  const fields = [integer(serial), time(revokedAt)]
  if (code !== 0) fields.push(sequence(crlReason(code)))
  return sequence(...fields)
}

export async function signCrl(options: SignCrlOptions): Promise<Uint8Array> {
  const number = BigInt(options.crlNumber)
  if (number < 0n || number >= 1n << 159n) throw new RangeError('crlNumber must be 0 … 2^159 - 1 (20 octets)')
  if (options.nextUpdate <= options.thisUpdate) throw new RangeError('nextUpdate must follow thisUpdate')
  const seen = new Set<string>()
  for (const { serialHex } of options.entries) {
    const key = serialHex.toLowerCase().replace(/^0+(?=.)/, '')
    if (seen.has(key)) throw new RangeError(`serial ${serialHex} listed twice`)
    seen.add(key)
  }
  const issuer = issuerFacts(options.ca.certificate)
  const tbs = sequence(
    integer(1),
    algorithmIdentifier(schemeForKey(options.ca.privateKey)),
    issuer.subject,
    time(options.thisUpdate),
    time(options.nextUpdate),
    ...(options.entries.length ? [sequence(...options.entries.map(entry))] : []),
    extensionsField(0, [authorityKeyIdentifier(issuer.keyId), crlNumberExtension(number)]),
  )
  return signStructure(tbs, options.ca.privateKey)
}
