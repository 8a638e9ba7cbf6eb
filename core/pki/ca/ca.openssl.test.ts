import { execFileSync } from 'node:child_process'
import { X509Certificate, X509Certificate as NodeCertificate } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { inspectCertificate } from '../inspect'
import { buildCsr } from '../csr/csr-build'
import { generateSigningKeyPair } from '../csr/key-pair'
import { encodeBase64 } from '../x509-builder/base64-encode'
import type { IssuingCa } from './ca-types'
import { createRootCa, createSubCa } from './create-ca'
import { signCrl, type CrlEntry } from './crl'
import { DEMO_CA_SUBJECTS } from './demo-hierarchy'
import { issueFromCsr } from './issue'

/**
 * Interop: what the embedded CA signs (RSA-2048 throughout, as in production) is accepted by
 * OpenSSL's verifier with CRL checking and x509_strict, and parsed by node:crypto.
 */
const dir = mkdtempSync(join(tmpdir(), 'certdesk-ca-'))
const NOW = new Date('2025-03-01T00:00:00Z')
const clock = () => NOW

function pem(der: Uint8Array, label = 'CERTIFICATE'): string {
  return `-----BEGIN ${label}-----\n${encodeBase64(der).replace(/.{64}/g, '$&\n')}\n-----END ${label}-----\n`
}

function file(name: string, der: Uint8Array, label?: string): string {
  const path = join(dir, name)
  writeFileSync(path, pem(der, label))
  return path
}

function verify(leaf: Uint8Array, crl: Uint8Array, extra: string[] = []): string {
  const args = ['verify', '-x509_strict', '-attime', String(NOW.getTime() / 1000 + 3600), '-CAfile', file('root.pem', root.certificate)]
  args.push('-untrusted', file('sub.pem', sub.certificate), '-crl_check', '-CRLfile', file('crl.pem', crl, 'X509 CRL'), ...extra, file('leaf.pem', leaf))
  try {
    return execFileSync('openssl', args, { stdio: 'pipe' }).toString()
  } catch (error) {
    const { stdout, stderr } = error as { stdout: Buffer; stderr: Buffer }
    return stdout.toString() + stderr.toString()
  }
}

let root: IssuingCa
let sub: IssuingCa
let leaf: { certificate: Uint8Array; serialHex: string }
let other: { certificate: Uint8Array; serialHex: string }

const crl = (entries: CrlEntry[], crlNumber: number) =>
  signCrl({ ca: sub, entries, crlNumber, thisUpdate: NOW, nextUpdate: new Date(NOW.getTime() + 7 * 86_400_000) })

beforeAll(async () => {
  const [rootKeys, subKeys, leafKeys] = await Promise.all([generateSigningKeyPair(), generateSigningKeyPair(), generateSigningKeyPair()])
  root = await createRootCa({ name: 'twca', keyPair: rootKeys, subject: DEMO_CA_SUBJECTS.twca, validity: { days: 7305 }, clock })
  sub = await createSubCa({ name: 'customs', issuer: root, keyPair: subKeys, subject: DEMO_CA_SUBJECTS.customs, validity: { days: 3652 }, clock })
  const csrDer = await buildCsr({ keyPair: leafKeys })
  const subject = { ubn: '04177036', sequence: 1, ra: { ubn: '97162640' } }
  leaf = await issueFromCsr({ ca: sub, csrDer, profile: 'customs-corporate', subject, validity: { days: 365 }, clock })
  other = await issueFromCsr({ ca: sub, csrDer, profile: 'customs-corporate', subject: { ...subject, sequence: 2 }, validity: { days: 365 }, clock })
})

describe('embedded CA with openssl verify', () => {
  it('a fresh certificate verifies against root + sub-CA with an empty CRL, strictly, under the GPKI test policy', async () => {
    expect(verify(leaf.certificate, await crl([], 1), ['-policy', '2.16.886.101.0.3.0', '-explicit_policy'])).toMatch(/leaf\.pem: OK/)
  })

  it('a revoked certificate fails with "certificate revoked"; the other one still verifies', async () => {
    const list = await crl([{ serialHex: leaf.serialHex, revokedAt: NOW, reason: 'keyCompromise' }], 2)
    expect(verify(leaf.certificate, list)).toMatch(/certificate revoked/)
    expect(verify(other.certificate, list)).toMatch(/leaf\.pem: OK/)
  })

  it('a suspended certificate (certificateHold) is revoked until a later CRL leaves it out', async () => {
    const held = await crl([{ serialHex: leaf.serialHex, revokedAt: NOW, reason: 'certificateHold' }], 3)
    expect(verify(leaf.certificate, held)).toMatch(/certificate revoked/)
    const text = execFileSync('openssl', ['crl', '-noout', '-text', '-in', file('held.pem', held, 'X509 CRL')]).toString()
    expect(text).toMatch(/Certificate Hold/)
    expect(text).toMatch(/X509v3 CRL Number:\s+3/)
    expect(text).toMatch(/X509v3 Authority Key Identifier/)
    expect(verify(leaf.certificate, await crl([], 4))).toMatch(/leaf\.pem: OK/)
  })

  it('node:crypto parses the chain and agrees on issuer, serial and signatures', () => {
    const [r, s, l] = [root, sub, leaf].map((c) => new NodeCertificate(c.certificate))
    expect(l.checkIssued(s)).toBe(true)
    expect(s.checkIssued(r)).toBe(true)
    expect(l.verify(s.publicKey)).toBe(true)
    expect(s.ca).toBe(true)
    expect(l.ca).toBe(false)
    expect(l.serialNumber.toLowerCase()).toBe(leaf.serialHex)
    expect(l.subject).toContain('CN=04177036-01-000')
    expect(new X509Certificate(r.raw).issuer).toBe(r.subject)
  })

  it('our strict reader reads what we issue, and classifies it as customs-corporate', async () => {
    const info = await inspectCertificate(leaf.certificate)
    expect(info.subject.display).toBe('C=TW, O=Finance, OU=Certdesk Test FXML CA, OU=97162640-RA-001, OU=TST, CN=04177036-01-000')
    expect(info.kind).toBe('customs-corporate')
    expect(info.identity.ubn).toBe('04177036')
    expect(info.isTest).toBe(true)
    expect(info.serialHex).toHaveLength(32)
    expect(info.extensions.cRLDistributionPoints).toEqual(['http://localhost:3000/crl/customs.crl'])
    expect(info.extensions.authorityKeyIdentifier?.keyId).toBe((await inspectCertificate(sub.certificate)).extensions.subjectKeyIdentifier)
  })
})
