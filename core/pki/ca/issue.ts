import { OID } from '../oids'
import { verifyCsr } from '../csr/csr-verify'
import { signCertificate } from '../x509-builder/certificate-builder'
import { encodeDistinguishedName, formatDistinguishedName } from '../x509-builder/distinguished-name'
import {
  authorityKeyIdentifier,
  certificatePolicies,
  crlDistributionPoints,
  extendedKeyUsage,
  keyUsage,
  subjectDirectoryAttributes,
  subjectKeyIdentifier,
} from '../x509-builder/extension-encoders'
import { describeSpki, keyIdentifier } from '../x509-builder/keys'
import { pkiError } from '../x509-builder/pki-errors'
import { issuerFacts, resolveValidity } from './ca-certificate'
import type { Clock, IssuingCa, SerialSource, Validity } from './ca-types'
import { profileContent, type ProfileRequest } from './profiles'
import { randomSerial, serialHex } from './serial'

export type IssueFromCsrOptions = ProfileRequest & {
  ca: IssuingCa
  /** PKCS #10 DER from the browser; only its key is used */
  csrDer: Uint8Array
  validity: Validity
  serial?: SerialSource
  clock?: Clock
  /** default: the GPKI test policy 2.16.886.101.0.3.0 (the embedded CA is never a production CA) */
  policies?: readonly string[]
}

export interface IssuedCertificate {
  certificate: Uint8Array
  serialHex: string
  notBefore: Date
  notAfter: Date
  /** for logs: C=TW, O=…, CN=… */
  subject: string
}

/** RSA of 2048 bits or more, or ECDSA on P-256 / P-384: what GPKI and TWCA issue today. */
function checkKeyStrength(spki: Uint8Array): void {
  const key = describeSpki(spki)
  if (key.algorithm === 'RSA' && (key.bits ?? 0) >= 2048 && (key.bits ?? 0) <= 8192) return
  if (key.algorithm === 'EC' && (key.curve === 'P-256' || key.curve === 'P-384')) return
  throw pkiError('WEAK_KEY', `${key.algorithm} ${key.bits ?? ''} ${key.curve ?? ''}`.trim())
}

/**
 * Issues an end-entity certificate for the key in a verified CSR. The CA decides everything else:
 * subject and extensions come from the profile (profiles.ts), never from the request.
 * Extensions, in the order the GPKI samples use: AKI, SKI, keyUsage, EKU, certificatePolicies, SDA, CRL DP.
 */
export async function issueFromCsr(options: IssueFromCsrOptions): Promise<IssuedCertificate> {
  const { spki } = await verifyCsr(options.csrDer)
  checkKeyStrength(spki)
  const issuer = issuerFacts(options.ca.certificate)
  const content = profileContent(options, issuer)
  const serial = (options.serial ?? randomSerial)()
  const { notBefore, notAfter } = resolveValidity(options.validity, (options.clock ?? (() => new Date()))(), issuer.notAfter)
  const extensions = [
    authorityKeyIdentifier(issuer.keyId),
    subjectKeyIdentifier(await keyIdentifier(spki)),
    keyUsage(content.keyUsage),
    ...(content.extendedKeyUsage ? [extendedKeyUsage(content.extendedKeyUsage)] : []),
    certificatePolicies(options.policies ?? [OID.gpkiTestPolicy]),
    ...(content.directoryAttributes ? [subjectDirectoryAttributes(content.directoryAttributes)] : []),
    crlDistributionPoints([options.ca.crlUrl]),
  ]
  const certificate = await signCertificate(
    { serial, issuer: issuer.subject, subject: encodeDistinguishedName(content.subject), notBefore, notAfter, spki, extensions },
    options.ca.privateKey,
  )
  return { certificate, serialHex: serialHex(serial), notBefore, notAfter, subject: formatDistinguishedName(content.subject) }
}
