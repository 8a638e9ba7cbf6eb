import * as asn1js from 'asn1js'
import { describe, expect, it } from 'vitest'
import { OID } from '../oids'
import { cn, issue, newKeys } from './test-pki'
import { validatePath } from './validate-path'

const at = new Date('2025-01-01T00:00:00Z')
const codes = (result: { reasons: { code: string }[] }) => result.reasons.map((r) => r.code)

async function chain() {
  const root = await issue({ subject: cn('Root'), ca: true })
  const ica = await issue({ subject: cn('Issuing CA'), issuer: root, ca: true, pathLen: 0 })
  const leaf = await issue({ subject: cn('王小明'), issuer: ica })
  return { root, ica, leaf }
}

describe('validatePath', () => {
  it('accepts root → CA → leaf and names the path leaf first', async () => {
    const { root, ica, leaf } = await chain()
    const result = await validatePath({ leaf: leaf.der, anchors: [root.der], intermediates: [ica.der], at })
    expect(result).toEqual({ valid: true, reasons: [], path: ['C=TW, CN=王小明', 'C=TW, CN=Issuing CA', 'C=TW, CN=Root'] })
  })

  it('picks the root by key, not by name, when two roots share one DN (GRCA G1 and G2)', async () => {
    const { root, ica, leaf } = await chain()
    const twin = await issue({ subject: cn('Root'), ca: true })
    const result = await validatePath({ leaf: leaf.der, anchors: [twin.der, root.der], intermediates: [ica.der], at })
    expect(result.valid).toBe(true)
    const onlyTwin = await validatePath({ leaf: leaf.der, anchors: [twin.der], intermediates: [ica.der], at })
    expect(onlyTwin.valid).toBe(false)
    expect(codes(onlyTwin)).toContain('BAD_SIGNATURE')
  })

  it('reports an expired and a not yet valid leaf with its index', async () => {
    const { root, ica, leaf } = await chain()
    const late = await validatePath({ leaf: leaf.der, anchors: [root.der], intermediates: [ica.der], at: new Date('2040-01-01T00:00:00Z') })
    expect(late.reasons).toContainEqual(expect.objectContaining({ code: 'EXPIRED', certIndex: 0, message: { 'zh-TW': '憑證已過期', en: 'The certificate has expired' } }))
    const early = await validatePath({ leaf: leaf.der, anchors: [root.der], intermediates: [ica.der], at: new Date('2020-01-01T00:00:00Z') })
    expect(codes(early)).toContain('NOT_YET_VALID')
  })

  it('refuses an issuer that is not a CA, and a path longer than pathLenConstraint allows', async () => {
    const root = await issue({ subject: cn('Root'), ca: true })
    const notCa = await issue({ subject: cn('Not a CA'), issuer: root, keyUsage: [0, 5] })
    const leaf = await issue({ subject: cn('Leaf'), issuer: notCa })
    const result = await validatePath({ leaf: leaf.der, anchors: [root.der], intermediates: [notCa.der], at, strict: false })
    expect(result.reasons).toContainEqual(expect.objectContaining({ code: 'NOT_A_CA', certIndex: 1 }))
    const { root: top, ica } = await chain()
    const sub = await issue({ subject: cn('Sub CA'), issuer: ica, ca: true })
    const deep = await issue({ subject: cn('Leaf'), issuer: sub })
    const long = await validatePath({ leaf: deep.der, anchors: [top.der], intermediates: [ica.der, sub.der], at })
    expect(long.reasons).toEqual([expect.objectContaining({ code: 'PATH_LENGTH_EXCEEDED', certIndex: 1 })])
  })

  it('refuses a critical extension it does not know', async () => {
    const root = await issue({ subject: cn('Root'), ca: true })
    const leaf = await issue({ subject: cn('Leaf'), issuer: root, extensions: [{ oid: '1.2.3.4.5', critical: true, value: new asn1js.Null() }] })
    const result = await validatePath({ leaf: leaf.der, anchors: [root.der], at })
    expect(result.reasons).toEqual([expect.objectContaining({ code: 'UNKNOWN_CRITICAL_EXTENSION', certIndex: 0, detail: '1.2.3.4.5' })])
  })

  it("tells an encryption certificate from a signing one for purpose 'sign'", async () => {
    const root = await issue({ subject: cn('Root'), ca: true })
    const encryption = await issue({ subject: cn('Card encryption'), issuer: root, keyUsage: [2, 3] })
    const nonRepudiation = await issue({ subject: cn('Card other'), issuer: root, keyUsage: [1] })
    const signing = await issue({ subject: cn('Card signing'), issuer: root, keyUsage: [0] })
    expect(codes(await validatePath({ leaf: encryption.der, anchors: [root.der], at, purpose: 'sign' }))).toEqual(['ENCRYPTION_ONLY'])
    expect(codes(await validatePath({ leaf: nonRepudiation.der, anchors: [root.der], at, purpose: 'sign' }))).toEqual(['KEY_USAGE_MISSING'])
    expect((await validatePath({ leaf: signing.der, anchors: [root.der], at, purpose: 'sign' })).valid).toBe(true)
    expect((await validatePath({ leaf: encryption.der, anchors: [root.der], at, purpose: 'any' })).valid).toBe(true)
  })

  it('asks for the extended key usage and the certificate policy the caller requires', async () => {
    const root = await issue({ subject: cn('Root'), ca: true })
    const policy = (oid: string) => ({ oid: OID.certificatePolicies, value: new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: oid })] })] }) })
    const eku = { oid: OID.extKeyUsage, value: new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: '1.3.6.1.5.5.7.3.2' })] }) }
    const ica = await issue({ subject: cn('CA'), issuer: root, ca: true, extensions: [policy('2.16.886.101.0.3.3')] })
    const leaf = await issue({ subject: cn('Leaf'), issuer: ica, extensions: [policy('2.16.886.101.0.3.3'), eku] })
    const base = { leaf: leaf.der, anchors: [root.der], intermediates: [ica.der], at }
    expect((await validatePath({ ...base, requiredPolicy: '2.16.886.101.0.3.3', extendedKeyUsage: ['clientAuth'] })).valid).toBe(true)
    expect(codes(await validatePath({ ...base, requiredPolicy: '2.16.886.101.0.3.0' }))).toEqual(['POLICY_REQUIRED'])
    expect(codes(await validatePath({ ...base, extendedKeyUsage: ['serverAuth'] }))).toEqual(['EKU_MISSING'])
  })

  it('checks name constraints on the SANs below a constrained CA', async () => {
    const root = await issue({ subject: cn('Root'), ca: true })
    const dns = (name: string) => new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 2 }, valueHex: new TextEncoder().encode(name).buffer })
    const permitted = new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [new asn1js.Sequence({ value: [dns('customs.gov.tw')] })] })
    const ica = await issue({ subject: cn('CA'), issuer: root, ca: true, extensions: [{ oid: '2.5.29.30', critical: true, value: new asn1js.Sequence({ value: [permitted] }) }] })
    const san = (name: string) => ({ oid: OID.subjectAltName, value: new asn1js.Sequence({ value: [dns(name)] }) })
    const inside = await issue({ subject: cn('in'), issuer: ica, extensions: [san('www.customs.gov.tw')] })
    const outside = await issue({ subject: cn('out'), issuer: ica, extensions: [san('customs.gov.tw.example.com')] })
    expect((await validatePath({ leaf: inside.der, anchors: [root.der], intermediates: [ica.der], at, expectedName: { dns: 'WWW.customs.gov.tw' } })).valid).toBe(true)
    expect(codes(await validatePath({ leaf: outside.der, anchors: [root.der], intermediates: [ica.der], at }))).toEqual(['NAME_CONSTRAINTS'])
    expect(codes(await validatePath({ leaf: inside.der, anchors: [root.der], intermediates: [ica.der], at, expectedName: { dns: 'customs.gov.tw' } }))).toEqual(['NAME_MISMATCH'])
  })

  it('turns anything unreadable into a reason instead of throwing', async () => {
    const { root } = await chain()
    for (const junk of [new Uint8Array(), new Uint8Array([0x30, 0x82, 0xff]), new TextEncoder().encode('not a certificate')]) {
      const result = await validatePath({ leaf: junk, anchors: [root.der, junk], intermediates: [junk], crls: [junk], at })
      expect(result.valid).toBe(false)
      expect(codes(result)).toEqual(['MALFORMED'])
    }
  })

  it('says UNTRUSTED_ISSUER when no anchor is reachable, and TIME_LIMIT when out of time', async () => {
    const { root, ica, leaf } = await chain()
    const other = await issue({ subject: cn('Other root'), ca: true })
    expect(codes(await validatePath({ leaf: leaf.der, anchors: [other.der], intermediates: [ica.der], at }))).toEqual(['UNTRUSTED_ISSUER'])
    expect(codes(await validatePath({ leaf: leaf.der, anchors: [root.der], intermediates: [ica.der], at, timeLimitMs: -1 }))).toEqual(['TIME_LIMIT'])
  })

  it('ends quickly on 40 same-name, same-key CAs that all lead to the anchor through an expired leaf', async () => {
    const root = await issue({ subject: cn('Root'), ca: true })
    const keys = await newKeys()
    const first = await issue({ subject: cn('Loop CA'), issuer: root, ca: true, keys })
    const cas = [first.der]
    for (let i = 0; i < 39; i++) cas.push((await issue({ subject: cn('Loop CA'), issuer: first, ca: true, keys })).der)
    const leaf = await issue({ subject: cn('Leaf'), issuer: first, notAfter: new Date('2024-06-01T00:00:00Z') })
    const started = Date.now()
    const result = await validatePath({ leaf: leaf.der, anchors: [root.der], intermediates: cas, at, timeLimitMs: 1500 })
    expect(result.valid).toBe(false)
    expect(Date.now() - started).toBeLessThan(3000)
    expect(codes(result).some((code) => code === 'EXPIRED' || code === 'TIME_LIMIT')).toBe(true)
  })
})
