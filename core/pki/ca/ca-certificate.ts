import { frameCertificate } from '../frame'
import { describeCertificate } from '../inspect'
import type { CertificateInfo } from '../certificate-info'

/** What issuing needs from the issuer's own certificate: its exact subject bytes, key id and validity. */
export interface IssuerFacts {
  /** the DER of the issuer's subject Name, copied into issued certificates byte for byte */
  subject: Uint8Array
  keyId: Uint8Array
  notAfter: Date
  info: Omit<CertificateInfo, 'sha256Fingerprint'>
}

export function issuerFacts(certificate: Uint8Array): IssuerFacts {
  const frame = frameCertificate(certificate)
  const info = describeCertificate(frame)
  const skiHex = info.extensions.subjectKeyIdentifier
  if (!info.isCA || !skiHex) throw new RangeError('the issuer certificate is not a CA certificate with a subject key identifier')
  return {
    subject: certificate.slice(frame.subject.start, frame.subject.end),
    keyId: Uint8Array.from(skiHex.match(/../g)!, (pair) => parseInt(pair, 16)),
    notAfter: new Date(info.notAfter),
    info,
  }
}

export function crlUrlFor(baseUrl: string, name: string): string {
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(name)) throw new RangeError(`CA name ${JSON.stringify(name)}: use lower-case letters, digits and '-'`)
  if (!/^https?:\/\/[\x21-\x7e]+$/.test(baseUrl)) throw new RangeError(`CRL base URL ${JSON.stringify(baseUrl)}`)
  return `${baseUrl.replace(/\/+$/, '')}/crl/${name}.crl`
}

/** notBefore/notAfter from a Validity, in whole seconds (what X.509 times hold). */
export function resolveValidity(validity: { notBefore?: Date; notAfter?: Date; days?: number }, now: Date, cap?: Date): { notBefore: Date; notAfter: Date } {
  const second = (date: Date) => new Date(Math.floor(date.getTime() / 1000) * 1000)
  const notBefore = second(validity.notBefore ?? now)
  let notAfter: Date
  if (validity.notAfter) notAfter = second(validity.notAfter)
  else if (validity.days && validity.days > 0) notAfter = new Date(notBefore.getTime() + validity.days * 86_400_000)
  else throw new RangeError('validity needs notAfter or days')
  if (cap && notAfter > cap) notAfter = cap
  if (notAfter <= notBefore) throw new RangeError('validity ends before it starts')
  return { notBefore, notAfter }
}
