import { execFileSync } from 'node:child_process'
import { beforeAll, describe, expect, it } from 'vitest'
import { inspectCertificate } from '../inspect'
import { buildCsr } from '../csr/csr-build'
import { pkiErrorCode } from '../x509-builder/pki-errors'
import { createDemoHierarchy, type DemoHierarchy } from './demo-hierarchy'
import { issueFromCsr, type IssueFromCsrOptions } from './issue'
import type { ProfileRequest } from './profiles'
import { ecKeyPair } from './test-keys'

const NOW = new Date('2025-03-01T00:00:00Z')
let hierarchy: DemoHierarchy
let csrDer: Uint8Array

beforeAll(async () => {
  hierarchy = await createDemoHierarchy({ generateKeyPair: ecKeyPair, clock: () => NOW, crlBaseUrl: 'https://certdesk.example/' })
  // The request asks for a subject of its own: the CA must ignore it.
  csrDer = await buildCsr({ keyPair: await ecKeyPair(), subject: [['CN', 'I am the CA now']] })
})

const issue = (request: ProfileRequest, ca = hierarchy.customs, extra: Partial<IssueFromCsrOptions> = {}) =>
  issueFromCsr({ ca, csrDer, validity: { days: 365 }, clock: () => NOW, ...request, ...extra } as IssueFromCsrOptions)

const RA = { ubn: '97162640' }

describe('issuing profiles', () => {
  it('customs-corporate: CN <UBN>-<nn>-000 under the CA name, signing EKUs, no SDA', async () => {
    const info = await inspectCertificate((await issue({ profile: 'customs-corporate', subject: { ubn: '04177036', sequence: 6, ra: RA } })).certificate)
    expect(info.subject.display).toBe('C=TW, O=Finance, OU=Certdesk Test FXML CA, OU=97162640-RA-001, OU=TST, CN=04177036-06-000')
    expect(info.extensions.keyUsage).toEqual(['digitalSignature', 'nonRepudiation'])
    expect(info.extensions.extendedKeyUsage?.map((e) => e.name)).toEqual(['clientAuth', 'emailProtection'])
    expect(info.extensions.certificatePolicies).toEqual(['2.16.886.101.0.3.0'])
    expect(info.extensions.cRLDistributionPoints).toEqual(['https://certdesk.example/crl/customs.crl'])
    expect(info.extensions.subjectDirectoryAttributes).toBeUndefined()
    expect([info.kind, info.identity.ubn, info.isTest, info.canSign]).toEqual(['customs-corporate', '04177036', true, true])
  })

  it('customs-personal: CN SingleWindow-<nn>-<broker>, the firm UBN as serialNumber', async () => {
    const subject = { brokerCode: 'B00051', ubn: '04177036', sequence: 1, ra: { ubn: '97162640', number: 2 } }
    const info = await inspectCertificate((await issue({ profile: 'customs-personal', subject })).certificate)
    expect(info.subject.display).toBe('C=TW, O=Finance, OU=Certdesk Test FXML CA, OU=97162640-RA-002, OU=TST, CN=SingleWindow-01-B00051, serialNumber=04177036')
    expect([info.kind, info.identity.brokerCode, info.identity.ubn]).toEqual(['customs-personal', 'B00051', '04177036'])
  })

  it('citizen-card-sign / -encrypt: MOICA style, idLast4 in SDA .51, only the signing one can sign', async () => {
    const subject = { name: '王小明', cardId: '1282000269404504', idLast4: '6789' }
    const sign = await inspectCertificate((await issue({ profile: 'citizen-card-sign', subject }, hierarchy.moica)).certificate)
    const encrypt = await inspectCertificate((await issue({ profile: 'citizen-card-encrypt', subject }, hierarchy.moica)).certificate)
    expect(sign.subject.display).toBe('C=TW, CN=王小明, serialNumber=1282000269404504')
    expect(sign.issuer.display).toBe('C=TW, O=行政院, OU=(測試用) 內政部憑證管理中心')
    expect(sign.identity).toMatchObject({ name: '王小明', idLast4: '6789', cardType: 'primary', subjectClass: '2.16.886.1.100.3.1.9' })
    expect(sign.identity.ubn).toBeUndefined() // a 16-digit serialNumber is a card id, never a UBN
    expect([sign.kind, sign.extensions.keyUsage, sign.canSign]).toEqual(['moica', ['digitalSignature'], true])
    expect([encrypt.extensions.keyUsage, encrypt.canSign, encrypt.encryptionOnly]).toEqual([['keyEncipherment', 'dataEncipherment'], false, true])
  })

  it('company-card-sign: MOEACA style, UBN in SDA .101 and as serialNumber', async () => {
    const info = await inspectCertificate((await issue({ profile: 'company-card-sign', subject: { name: '測試股份有限公司', ubn: '04177036' } }, hierarchy.moeaca)).certificate)
    expect(info.subject.display).toBe('C=TW, O=測試股份有限公司, serialNumber=04177036')
    expect(info.identity).toMatchObject({ name: '測試股份有限公司', ubn: '04177036', ubnSource: 'extension', cardType: 'primary' })
    expect([info.kind, info.isTest]).toEqual(['moeaca', true])
  })

  it('writes each attribute in its own RDN and C / serialNumber as PrintableString (openssl asn1parse)', async () => {
    const { certificate } = await issue({ profile: 'citizen-card-sign', subject: { name: '王小明', cardId: '1282000269404504', idLast4: '6789' } }, hierarchy.moica)
    const dump = execFileSync('openssl', ['asn1parse', '-inform', 'DER'], { input: certificate }).toString()
    expect(dump).toMatch(/countryName\n.*PRINTABLESTRING\s+:TW/)
    expect(dump).toMatch(/serialNumber\n.*PRINTABLESTRING\s+:1282000269404504/)
    expect(dump).toMatch(/commonName\n.*UTF8STRING\s+:王小明/)
    const subject = execFileSync('openssl', ['x509', '-inform', 'DER', '-noout', '-subject', '-nameopt', 'utf8,sep_comma_plus_space'], { input: certificate })
    expect(subject.toString().trim()).toBe('subject=C=TW, CN=王小明, serialNumber=1282000269404504')
  })

  it('gives every certificate a fresh 16-byte positive serial and never outlives the issuer', async () => {
    const request = { profile: 'customs-corporate', subject: { ubn: '04177036', sequence: 1, ra: RA } } as const
    const serials = new Set<string>()
    for (let i = 0; i < 20; i++) serials.add((await issue(request)).serialHex)
    expect(serials.size).toBe(20)
    for (const serial of serials) expect(serial).toMatch(/^[0-7][0-9a-f]{31}$/)
    const long = await issue(request, hierarchy.customs, { validity: { days: 100 * 365 } })
    const ca = await inspectCertificate(hierarchy.customs.certificate)
    expect(long.notAfter.toISOString()).toBe(ca.notAfter)
  })

  it.each([
    [{ profile: 'customs-corporate', subject: { ubn: '1234567', sequence: 1, ra: RA } }],
    [{ profile: 'customs-corporate', subject: { ubn: '04177036', sequence: 100, ra: RA } }],
    [{ profile: 'customs-personal', subject: { brokerCode: 'E00051', ubn: '04177036', sequence: 1, ra: RA } }],
    [{ profile: 'citizen-card-sign', subject: { name: '王小明', cardId: 'A123456789', idLast4: '6789' } }],
    [{ profile: 'citizen-card-sign', subject: { name: ' ', cardId: '1282000269404504', idLast4: '6789' } }],
    [{ profile: 'company-card-sign', subject: { name: 'x'.repeat(65), ubn: '04177036' } }],
  ] as [ProfileRequest][])('refuses a bad subject: %j', async (request) => {
    expect(pkiErrorCode(await issue(request).catch((e: unknown) => e))).toBe('SUBJECT_INVALID')
  })

  it('refuses a forged or weak request', async () => {
    const forged = csrDer.slice()
    forged[forged.length - 5] ^= 1
    expect(pkiErrorCode(await issue({ profile: 'company-card-sign', subject: { name: 'A', ubn: '04177036' } }, hierarchy.moeaca, { csrDer: forged }).catch((e: unknown) => e))).toBe('CSR_INVALID')
    const weak = await globalThis.crypto.subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['sign', 'verify'])
    const weakCsr = await buildCsr({ keyPair: weak })
    expect(pkiErrorCode(await issue({ profile: 'company-card-sign', subject: { name: 'A', ubn: '04177036' } }, hierarchy.moeaca, { csrDer: weakCsr }).catch((e: unknown) => e))).toBe('WEAK_KEY')
  })
})
