import * as asn1js from 'asn1js'
import { Certificate, CertificateRevocationList, Extension, Extensions, RelativeDistinguishedNames, RevokedCertificate, Time } from 'pkijs'
import { OID } from '../oids'
import { encodeName, type ExtensionSpec, type NameSpec } from '../test-certificate'

/**
 * A small PKI for the validator's tests: CAs and leaves with their own P-256 keys, key identifiers,
 * and CRLs, so each test states the one property it is about. Not used by product code.
 */
export interface TestEntity {
  name: NameSpec
  der: Uint8Array
  keys: CryptoKeyPair
  keyId: Uint8Array
}

export interface IssueOptions {
  subject: NameSpec
  /** self-signed when absent */
  issuer?: TestEntity
  /** a new key pair when absent */
  keys?: CryptoKeyPair
  ca?: boolean
  pathLen?: number
  /** KeyUsage bit numbers: 0 digitalSignature, 2 keyEncipherment, 5 keyCertSign, 6 cRLSign */
  keyUsage?: number[]
  serial?: number
  notBefore?: Date
  notAfter?: Date
  extensions?: ExtensionSpec[]
}

/** KeyUsage in DER: trailing zero bits removed (X.690 §11.2.2), which test-certificate's helper keeps. */
export function keyUsageDer(bits: number[]): asn1js.BitString {
  const length = Math.max(...bits) + 1
  const bytes = new Uint8Array(Math.ceil(length / 8))
  for (const bit of bits) bytes[bit >> 3] |= 0x80 >> (bit & 7)
  return new asn1js.BitString({ valueHex: bytes.buffer, unusedBits: bytes.length * 8 - length })
}

export const cn = (value: string): NameSpec => [[['2.5.4.6', 'TW']], [['2.5.4.3', value]]]

export function newKeys(): Promise<CryptoKeyPair> {
  return globalThis.crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']) as Promise<CryptoKeyPair>
}

function names(spec: NameSpec): RelativeDistinguishedNames {
  return RelativeDistinguishedNames.fromBER(encodeName(spec).toBER())
}

function extension(spec: ExtensionSpec): Extension {
  const value = spec.value instanceof Uint8Array ? spec.value.slice().buffer : spec.value.toBER()
  return new Extension({ extnID: spec.oid, critical: spec.critical ?? false, extnValue: value })
}

export async function issue(options: IssueOptions): Promise<TestEntity> {
  const keys = options.keys ?? (await newKeys())
  const keyId = globalThis.crypto.getRandomValues(new Uint8Array(20))
  const signer = options.issuer ?? { name: options.subject, keys, keyId }
  const extensions: ExtensionSpec[] = [{ oid: OID.subjectKeyIdentifier, value: new asn1js.OctetString({ valueHex: keyId.slice().buffer }) }]
  if (options.issuer) {
    const aki = new asn1js.Sequence({ value: [new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 }, valueHex: signer.keyId.slice().buffer })] })
    extensions.push({ oid: OID.authorityKeyIdentifier, value: aki })
  }
  if (options.ca) {
    const fields: asn1js.AsnType[] = [new asn1js.Boolean({ value: true })]
    if (options.pathLen !== undefined) fields.push(new asn1js.Integer({ value: options.pathLen }))
    extensions.push({ oid: OID.basicConstraints, critical: true, value: new asn1js.Sequence({ value: fields }) })
  }
  const keyUsage = options.keyUsage ?? (options.ca ? [5, 6] : [0])
  if (keyUsage.length) extensions.push({ oid: OID.keyUsage, critical: true, value: keyUsageDer(keyUsage) })
  const certificate = new Certificate()
  certificate.version = 2
  certificate.serialNumber = new asn1js.Integer({ value: options.serial ?? 1 + Math.floor(Math.random() * 1e9) })
  certificate.subject = names(options.subject)
  certificate.issuer = names(signer.name)
  certificate.notBefore = new Time({ type: 0, value: options.notBefore ?? new Date('2024-01-01T00:00:00Z') })
  certificate.notAfter = new Time({ type: 0, value: options.notAfter ?? new Date('2034-01-01T00:00:00Z') })
  certificate.extensions = [...extensions, ...(options.extensions ?? [])].map(extension)
  await certificate.subjectPublicKeyInfo.importKey(keys.publicKey)
  await certificate.sign(signer.keys.privateKey, 'SHA-256')
  return { name: options.subject, der: new Uint8Array(certificate.toSchema(true).toBER()), keys, keyId }
}

export interface CrlOptions {
  revoked?: { serial: number; reason?: number }[]
  thisUpdate?: Date
  nextUpdate?: Date
  /** sign with these keys instead of the issuer's (a forged CRL) */
  signingKeys?: CryptoKeyPair
}

/** A v2 CRL with cRLNumber 1, entries optionally carrying a reasonCode (6 = certificateHold). */
export async function issueCrl(issuer: TestEntity, options: CrlOptions = {}): Promise<Uint8Array> {
  const crl = new CertificateRevocationList()
  crl.version = 1
  crl.issuer = names(issuer.name)
  crl.thisUpdate = new Time({ type: 0, value: options.thisUpdate ?? new Date('2024-06-01T00:00:00Z') })
  crl.nextUpdate = new Time({ type: 0, value: options.nextUpdate ?? new Date('2030-06-01T00:00:00Z') })
  if (options.revoked?.length) {
    crl.revokedCertificates = options.revoked.map(({ serial, reason }) => {
      const entry = new RevokedCertificate({ userCertificate: new asn1js.Integer({ value: serial }), revocationDate: new Time({ type: 0, value: new Date('2024-05-01T00:00:00Z') }) })
      if (reason !== undefined) entry.crlEntryExtensions = new Extensions({ extensions: [extension({ oid: '2.5.29.21', value: new asn1js.Enumerated({ value: reason }) })] })
      return entry
    })
  }
  crl.crlExtensions = new Extensions({ extensions: [extension({ oid: '2.5.29.20', value: new asn1js.Integer({ value: 1 }) })] })
  await crl.sign((options.signingKeys ?? issuer.keys).privateKey, 'SHA-256')
  return new Uint8Array(crl.toSchema(true).toBER())
}
