import { OID } from '../oids'
import { signCertificate } from '../x509-builder/certificate-builder'
import { encodeDistinguishedName, type DnEntry } from '../x509-builder/distinguished-name'
import {
  authorityKeyIdentifier,
  basicConstraints,
  certificatePolicies,
  crlDistributionPoints,
  keyUsage,
  subjectKeyIdentifier,
} from '../x509-builder/extension-encoders'
import { exportSpki, keyIdentifier } from '../x509-builder/keys'
import { crlUrlFor, issuerFacts, resolveValidity } from './ca-certificate'
import { DEFAULT_CRL_BASE_URL, type Clock, type IssuingCa, type SerialSource, type Validity } from './ca-types'
import { randomSerial } from './serial'

/**
 * CA certificates, GRCA-style:
 *   root:   basicConstraints critical cA, keyUsage critical keyCertSign+cRLSign, SKI. No policies and
 *           no CRL pointer, like GRCA itself: a trust anchor is configured, not checked.
 *   sub-CA: basicConstraints critical cA pathLen 0 (it issues only end entities, like MOICA G3),
 *           keyUsage critical keyCertSign+cRLSign, SKI, AKI = the issuer's SKI, certificatePolicies
 *           (GPKI test policy 2.16.886.101.0.3.0 unless told otherwise), CRL distribution point of the issuer.
 */
export interface CreateCaOptions {
  /** the CA's slug; its CRL is published at <crlBaseUrl>/crl/<name>.crl */
  name: string
  keyPair: CryptoKeyPair
  subject: readonly DnEntry[]
  validity: Validity
  clock?: Clock
  serial?: SerialSource
  crlBaseUrl?: string
}

export interface CreateSubCaOptions extends CreateCaOptions {
  issuer: IssuingCa
  /** default 0: the sub-CA issues end-entity certificates only */
  pathLen?: number
  policies?: readonly string[]
}

const CA_KEY_USAGE = ['keyCertSign', 'cRLSign'] as const

export async function createRootCa(options: CreateCaOptions): Promise<IssuingCa> {
  const crlUrl = crlUrlFor(options.crlBaseUrl ?? DEFAULT_CRL_BASE_URL, options.name)
  const spki = await exportSpki(options.keyPair.publicKey)
  const keyId = await keyIdentifier(spki)
  const name = encodeDistinguishedName(options.subject)
  const certificate = await signCertificate(
    {
      serial: (options.serial ?? randomSerial)(),
      issuer: name,
      subject: name,
      ...resolveValidity(options.validity, (options.clock ?? (() => new Date()))()),
      spki,
      extensions: [basicConstraints(true), keyUsage(CA_KEY_USAGE), subjectKeyIdentifier(keyId)],
    },
    options.keyPair.privateKey,
  )
  return { name: options.name, certificate, privateKey: options.keyPair.privateKey, crlUrl }
}

export async function createSubCa(options: CreateSubCaOptions): Promise<IssuingCa> {
  const crlUrl = crlUrlFor(options.crlBaseUrl ?? DEFAULT_CRL_BASE_URL, options.name)
  const issuer = issuerFacts(options.issuer.certificate)
  const spki = await exportSpki(options.keyPair.publicKey)
  const certificate = await signCertificate(
    {
      serial: (options.serial ?? randomSerial)(),
      issuer: issuer.subject,
      subject: encodeDistinguishedName(options.subject),
      ...resolveValidity(options.validity, (options.clock ?? (() => new Date()))(), issuer.notAfter),
      spki,
      extensions: [
        basicConstraints(true, options.pathLen ?? 0),
        keyUsage(CA_KEY_USAGE),
        subjectKeyIdentifier(await keyIdentifier(spki)),
        authorityKeyIdentifier(issuer.keyId),
        certificatePolicies(options.policies ?? [OID.gpkiTestPolicy]),
        crlDistributionPoints([options.issuer.crlUrl]),
      ],
    },
    options.issuer.privateKey,
  )
  return { name: options.name, certificate, privateKey: options.keyPair.privateKey, crlUrl }
}
