import * as asn1js from 'asn1js'
import { Certificate, Extension, RelativeDistinguishedNames, Time } from 'pkijs'

/**
 * Builds signed certificates for tests, so tests can cover names and extensions no sample file has
 * (BMPString, multi-valued RDNs, customs DNs) without shipping fixtures. Not used by product code.
 * Names are built as SEQUENCE OF SET by hand: pkijs would fold all attributes into one RDN (STACK.md trap 4).
 */
export type StringEncoding = 'utf8' | 'printable' | 'bmp' | 'ia5' | 'teletex' | 'universal'
export type AttributeSpec = [type: string, value: string, encoding?: StringEncoding]
/** one inner array per RDN; several attributes in one inner array make a multi-valued RDN */
export type NameSpec = AttributeSpec[][]

export interface ExtensionSpec {
  oid: string
  critical?: boolean
  /** the DER inside extnValue */
  value: Uint8Array | asn1js.AsnType
}

export interface TestCertificateOptions {
  subject: NameSpec
  issuer?: NameSpec
  serial?: Uint8Array
  notBefore?: Date
  notAfter?: Date
  extensions?: ExtensionSpec[]
}

export function stringValue(value: string, encoding: StringEncoding = 'utf8'): asn1js.AsnType {
  switch (encoding) {
    case 'printable':
      return new asn1js.PrintableString({ value })
    case 'bmp':
      return new asn1js.BmpString({ value })
    case 'ia5':
      return new asn1js.IA5String({ value })
    case 'teletex':
      return new asn1js.TeletexString({ value })
    case 'universal':
      return new asn1js.UniversalString({ value })
    default:
      return new asn1js.Utf8String({ value })
  }
}

export function encodeName(spec: NameSpec): asn1js.Sequence {
  return new asn1js.Sequence({
    value: spec.map(
      (rdn) =>
        new asn1js.Set({
          value: rdn.map(([type, value, encoding]) => new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: type }), stringValue(value, encoding)] })),
        }),
    ),
  })
}

function toNames(spec: NameSpec): RelativeDistinguishedNames {
  return RelativeDistinguishedNames.fromBER(encodeName(spec).toBER())
}

let keys: Promise<CryptoKeyPair> | undefined

export async function buildTestCertificate(options: TestCertificateOptions): Promise<Uint8Array> {
  keys ??= globalThis.crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']) as Promise<CryptoKeyPair>
  const { publicKey, privateKey } = await keys
  const certificate = new Certificate()
  certificate.version = 2
  certificate.serialNumber = new asn1js.Integer({ valueHex: options.serial ?? new Uint8Array([0x01, 0x23, 0x45]) })
  certificate.subject = toNames(options.subject)
  certificate.issuer = toNames(options.issuer ?? options.subject)
  certificate.notBefore = new Time({ type: 0, value: options.notBefore ?? new Date('2024-01-01T00:00:00Z') })
  certificate.notAfter = new Time({ type: 0, value: options.notAfter ?? new Date('2026-01-01T00:00:00Z') })
  certificate.extensions = (options.extensions ?? []).map(
    ({ oid, critical, value }) =>
      new Extension({ extnID: oid, critical: critical ?? false, extnValue: value instanceof Uint8Array ? value.slice().buffer : value.toBER() }),
  )
  if (certificate.extensions.length === 0) delete certificate.extensions
  await certificate.subjectPublicKeyInfo.importKey(publicKey)
  await certificate.sign(privateKey, 'SHA-256')
  return new Uint8Array(certificate.toSchema(true).toBER())
}

/** SubjectDirectoryAttributes as GPKI writes them: SEQUENCE OF SEQUENCE { OID, SET { value } } */
export function directoryAttributes(attributes: [type: string, value: asn1js.AsnType][]): asn1js.Sequence {
  return new asn1js.Sequence({
    value: attributes.map(([type, value]) => new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: type }), new asn1js.Set({ value: [value] })] })),
  })
}

/** KeyUsage as a BIT STRING from bit numbers (0 = digitalSignature) */
export function keyUsageValue(bits: number[]): asn1js.BitString {
  const bytes = new Uint8Array(2)
  for (const bit of bits) bytes[bit >> 3] |= 0x80 >> (bit & 7)
  const length = bits.some((bit) => bit >= 8) ? 2 : 1
  return new asn1js.BitString({ valueHex: bytes.slice(0, length).buffer, unusedBits: 0 })
}
