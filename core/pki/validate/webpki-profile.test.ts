import * as asn1js from 'asn1js'
import { describe, expect, it } from 'vitest'
import { OID } from '../oids'
import type { ExtensionSpec } from '../test-certificate'
import { canonicalIpText } from './ip-text'
import { cn, issue, type TestEntity } from './test-pki'
import { validatePath } from './validate-path'
import type { ValidatePathOptions } from './validate-types'

const at = new Date('2025-01-01T00:00:00Z')
const codes = (result: { reasons: { code: string }[] }) => result.reasons.map((r) => r.code)
const context = (tag: number, bytes: Uint8Array) => new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: tag }, valueHex: bytes.slice().buffer })
const san = (...names: (string | number[])[]): ExtensionSpec => ({
  oid: OID.subjectAltName,
  value: new asn1js.Sequence({ value: names.map((n) => (typeof n === 'string' ? context(2, new TextEncoder().encode(n)) : context(7, new Uint8Array(n)))) }),
})
const eku = (critical: boolean, ...oids: string[]): ExtensionSpec => ({
  oid: OID.extKeyUsage,
  critical,
  value: new asn1js.Sequence({ value: oids.map((value) => new asn1js.ObjectIdentifier({ value })) }),
})
const SERVER_AUTH = '1.3.6.1.5.5.7.3.1'

async function server(commonName: string, extensions: ExtensionSpec[], root?: TestEntity) {
  const anchor = root ?? (await issue({ subject: cn('Root'), ca: true }))
  const leaf = await issue({ subject: cn(commonName), issuer: anchor, extensions })
  return { leaf: leaf.der, anchors: [anchor.der], at } satisfies ValidatePathOptions
}

describe("validatePath with profile 'webpki' (CA/B Forum BRs for TLS servers)", () => {
  it('accepts a BR-shaped server certificate for its host', async () => {
    const base = await server('www.customs.gov.tw', [san('www.customs.gov.tw'), eku(false, SERVER_AUTH)])
    expect(await validatePath({ ...base, profile: 'webpki', expectedName: { dns: 'www.customs.gov.tw' } })).toMatchObject({ valid: true })
  })

  it('leaves the RFC 5280 profile alone: a GPKI-style card certificate with a critical EKU and no SAN', async () => {
    const base = await server('王小明', [eku(true, '1.3.6.1.5.5.7.3.2', '1.3.6.1.5.5.7.3.4')])
    expect((await validatePath({ ...base, purpose: 'sign' })).valid).toBe(true)
    expect(codes(await validatePath({ ...base, profile: 'webpki' }))).toEqual(['EKU_MISSING', 'BASELINE_REQUIREMENTS', 'BASELINE_REQUIREMENTS'])
  })

  it('requires a non-critical EKU with serverAuth and without anyExtendedKeyUsage (BR 7.1.2.7.6, 7.1.2.7.10)', async () => {
    const check = async (extensions: ExtensionSpec[]) => codes(await validatePath({ ...(await server('a.example', [san('a.example'), ...extensions])), profile: 'webpki' }))
    expect(await check([])).toEqual(['EKU_MISSING'])
    expect(await check([eku(true, SERVER_AUTH)])).toEqual(['BASELINE_REQUIREMENTS'])
    expect(await check([eku(false, SERVER_AUTH, OID.anyExtendedKeyUsage)])).toEqual(['BASELINE_REQUIREMENTS'])
    expect(await check([eku(false, '1.3.6.1.5.5.7.3.2')])).toEqual(['EKU_MISSING'])
  })

  it('refuses a root with an EKU (BR 7.1.2.1.2), which RFC 5280 allows', async () => {
    const root = await issue({ subject: cn('Root'), ca: true, extensions: [eku(false, SERVER_AUTH)] })
    const base = await server('a.example', [san('a.example'), eku(false, SERVER_AUTH)], root)
    expect((await validatePath(base)).valid).toBe(true)
    expect((await validatePath({ ...base, profile: 'webpki' })).reasons).toEqual([expect.objectContaining({ code: 'BASELINE_REQUIREMENTS', certIndex: 1 })])
  })

  it('refuses a CA certificate as the server certificate (BR 7.1.2.7.8, 7.1.2.7.11)', async () => {
    const root = await issue({ subject: cn('Root'), ca: true })
    const ca = await issue({ subject: cn('a.example'), issuer: root, ca: true, extensions: [san('a.example'), eku(false, SERVER_AUTH)] })
    const base = { leaf: ca.der, anchors: [root.der], at }
    expect((await validatePath(base)).valid).toBe(true)
    expect(codes(await validatePath({ ...base, profile: 'webpki' }))).toEqual(['BASELINE_REQUIREMENTS', 'BASELINE_REQUIREMENTS'])
  })

  it.each([
    ['a.example', true],
    ['A.example', false],
    ['b.example', false],
    ['192.0.2.1', true],
    ['192.000.002.001', false],
    ['2001:db8::1', true],
    ['2001:DB8::1', false],
    ['2001:db8:0:0:0:0:0:1', false],
  ])('BR 7.1.4.3: commonName %s is a copy of a SAN entry: %s', async (commonName, valid) => {
    const ip6 = [0x20, 0x01, 0x0d, 0xb8, ...new Array<number>(11).fill(0), 1]
    const base = await server(commonName, [san('a.example', [192, 0, 2, 1], ip6), eku(false, SERVER_AUTH)])
    expect((await validatePath(base)).valid).toBe(true)
    expect((await validatePath({ ...base, profile: 'webpki' })).valid).toBe(valid)
  })

  it('writes addresses as RFC 3986 and RFC 5952 text', () => {
    const v6 = (...groups: number[]) => new Uint8Array(groups.flatMap((g) => [g >> 8, g & 0xff]))
    expect(canonicalIpText(new Uint8Array([10, 0, 0, 1]))).toBe('10.0.0.1')
    expect(canonicalIpText(v6(0x2001, 0xdb8, 0, 0, 1, 0, 0, 1))).toBe('2001:db8::1:0:0:1')
    expect(canonicalIpText(v6(0x2001, 0xdb8, 0, 1, 0, 0, 0, 1))).toBe('2001:db8:0:1::1')
    expect(canonicalIpText(v6(0, 0, 0, 0, 0, 0, 0, 1))).toBe('::1')
    expect(canonicalIpText(v6(0, 0, 0, 0, 0, 0xffff, 0xc000, 0x0201))).toBe('::ffff:192.0.2.1')
    expect(canonicalIpText(v6(0x2001, 0xdb8, 0, 1, 1, 1, 1, 1))).toBe('2001:db8:0:1:1:1:1:1')
  })
})
