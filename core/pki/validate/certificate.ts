import { TAG, children, childrenOf, readTlv, valueOf } from '../der'
import { decodeOid, decodeTime, integerHex, smallInteger } from '../der-values'
import { PkiError } from '../errors'
import { frameCertificate } from '../frame'
import { decodePublicKey, type PublicKeyInfo } from '../public-key'
import { decodeCertificateExtensions, type CertificateExtensions } from './certificate-extensions'
import { derBitString, isNull, toMillis, tlvBytes } from './der-strict'
import { nameInfo, type NameInfo } from './name-key'
import { signatureScheme, type SignatureScheme } from './signature-algorithm'

/**
 * One certificate as path validation needs it (RFC 5280 §4.1 read once, strictly): the signed
 * bytes, comparable names, times in milliseconds, the key and every processed extension. Things a
 * strict profile refuses but that do not stop decoding are collected in `issues`.
 */
export interface PathCertificate {
  der: Uint8Array
  version: number
  serial: Uint8Array
  serialHex: string
  tbs: Uint8Array
  signatureOid: string
  scheme: SignatureScheme
  /** tbsCertificate.signature and signatureAlgorithm are the same bytes (RFC 5280 §4.1.1.2) */
  algorithmsMatch: boolean
  signature: Uint8Array
  issuer: NameInfo
  subject: NameInfo
  notBefore: number
  notAfter: number
  spki: Uint8Array
  key: PublicKeyInfo
  ext: CertificateExtensions
  /** subject and issuer are the same name (RFC 5280 §6.1: such CA certificates do not count) */
  selfIssued: boolean
  isCA: boolean
  /** strict-profile findings made while decoding, e.g. 'serial number is zero' */
  issues: string[]
}

/** UTCTime for 1950–2049, GeneralizedTime from 2050 (RFC 5280 §4.1.2.5). */
function timeIssue(tag: number, iso: string): string | undefined {
  const year = Number(iso.slice(0, 4))
  const generalized = tag === TAG.GENERALIZED_TIME
  if (generalized && year >= 1950 && year < 2050) return 'GeneralizedTime for a date before 2050'
  return undefined
}

function serialIssues(serial: Uint8Array): string[] {
  if (serial[0] & 0x80) return ['negative serial number']
  if (serial.every((b) => b === 0)) return ['serial number is zero']
  const length = serial[0] === 0 ? serial.length - 1 : serial.length
  return length > 20 ? ['serial number longer than 20 octets'] : []
}

function rsaKeyIssue(der: Uint8Array, spkiStart: number): string | undefined {
  // RFC 3279 §2.3.1: rsaEncryption parameters MUST be NULL.
  const spki = readTlv(der, spkiStart, der.length)
  const [algorithm] = childrenOf(der, spki, 'subjectPublicKeyInfo')
  const [, params] = childrenOf(der, algorithm, 'public key algorithm')
  return isNull(der, params) ? undefined : 'rsaEncryption key without NULL parameters'
}

/** Throws PkiError (MALFORMED, TRUNCATED, …) for anything that is not a decodable certificate. */
export function parsePathCertificate(der: Uint8Array): PathCertificate {
  try {
    const frame = frameCertificate(der)
    const outer = readTlv(der, 0, der.length)
    const tbsTlv = readTlv(der, outer.valueStart, outer.end)
    const version = frame.version ? smallInteger(der, childrenOf(der, frame.version, 'version', 0xa0)[0]) + 1 : 1
    if (version > 3) throw new PkiError('MALFORMED', `version ${version}`)
    const fields = children(der, tbsTlv)
    const uniqueIds = fields.filter((f) => (f.tag & 0xdf) === 0x81 || (f.tag & 0xdf) === 0x82)
    if (uniqueIds.some((f) => f.tag & 0x20)) throw new PkiError('MALFORMED', 'constructed unique identifier')
    uniqueIds.forEach((f) => derBitString(der, { ...f, tag: TAG.BIT_STRING }))
    if (uniqueIds.length && version === 1) throw new PkiError('MALFORMED', 'unique identifier in a version 1 certificate')
    if (frame.extensions && version !== 3) throw new PkiError('MALFORMED', `extensions in a version ${version} certificate`)
    const issues: string[] = []
    if (uniqueIds.length && version === 3 && !frame.extensions) issues.push('unique identifier without extensions in a version 3 certificate')
    integerHex(der, frame.serial)
    const serial = valueOf(der, frame.serial)
    issues.push(...serialIssues(serial))
    const [notBefore, notAfter, extra] = childrenOf(der, frame.validity, 'validity')
    if (extra) throw new PkiError('MALFORMED', 'extra field in validity')
    const times = [notBefore, notAfter].map((t) => decodeTime(der, t))
    for (const [i, t] of [notBefore, notAfter].entries()) {
      const issue = timeIssue(t.tag, times[i])
      if (issue) issues.push(issue)
    }
    const inner = tlvBytes(der, frame.signature)
    const outerAlgorithm = tlvBytes(der, frame.signatureAlgorithm)
    const signatureOid = decodeOid(der, childrenOf(der, frame.signatureAlgorithm, 'signatureAlgorithm')[0])
    const key = decodePublicKey(der, frame.publicKey)
    if (key.algorithm === 'RSA') {
      const issue = rsaKeyIssue(der, frame.publicKey.start)
      if (issue) throw new PkiError('MALFORMED', issue)
    }
    const subject = nameInfo(der, frame.subject, 'subject')
    const issuer = nameInfo(der, frame.issuer, 'issuer')
    issues.push(...subject.stringIssues, ...issuer.stringIssues)
    const ext = decodeCertificateExtensions(der, frame.extensions)
    return {
      der,
      version,
      serial,
      serialHex: integerHex(der, frame.serial),
      tbs: tlvBytes(der, tbsTlv),
      signatureOid,
      scheme: signatureScheme(der, frame.signatureAlgorithm),
      algorithmsMatch: inner.length === outerAlgorithm.length && inner.every((b, i) => b === outerAlgorithm[i]),
      signature: derBitString(der, frame.signatureValue),
      issuer,
      subject,
      notBefore: toMillis(times[0]),
      notAfter: toMillis(times[1]),
      spki: tlvBytes(der, frame.publicKey),
      key,
      ext,
      selfIssued: subject.key === issuer.key,
      isCA: ext.basicConstraints?.ca === true,
      issues,
    }
  } catch (error) {
    if (error instanceof PkiError) throw error
    throw new PkiError('MALFORMED', 'unexpected decoder failure', { cause: error })
  }
}
