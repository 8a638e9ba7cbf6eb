import { describe, expect, it } from 'vitest'
import { cn, issue, issueCrl, newKeys } from './test-pki'
import { validatePath } from './validate-path'

const at = new Date('2025-01-01T00:00:00Z')
const codes = (result: { reasons: { code: string }[] }) => result.reasons.map((r) => r.code)

async function hierarchy() {
  const root = await issue({ subject: cn('Root'), ca: true })
  const ica = await issue({ subject: cn('Issuing CA'), issuer: root, ca: true, serial: 10 })
  const leaf = await issue({ subject: cn('Holder'), issuer: ica, serial: 4242 })
  const rootCrl = await issueCrl(root)
  const base = { leaf: leaf.der, anchors: [root.der], intermediates: [ica.der], at }
  return { root, ica, leaf, rootCrl, base }
}

describe('revocation from CRLs', () => {
  it('accepts a leaf that valid CRLs do not list', async () => {
    const { ica, rootCrl, base } = await hierarchy()
    const result = await validatePath({ ...base, crls: [rootCrl, await issueCrl(ica, { revoked: [{ serial: 7 }] })] })
    expect(result).toMatchObject({ valid: true, reasons: [] })
  })

  it('refuses a revoked leaf, and one on hold (certificateHold)', async () => {
    const { ica, rootCrl, base } = await hierarchy()
    const revoked = await validatePath({ ...base, crls: [rootCrl, await issueCrl(ica, { revoked: [{ serial: 4242, reason: 1 }] })] })
    expect(revoked.reasons).toEqual([expect.objectContaining({ code: 'REVOKED', certIndex: 0, detail: 'keyCompromise' })])
    const held = await validatePath({ ...base, crls: [rootCrl, await issueCrl(ica, { revoked: [{ serial: 4242, reason: 6 }] })] })
    expect(held.reasons).toEqual([expect.objectContaining({ code: 'REVOKED', detail: 'certificateHold' })])
  })

  it('refuses a revoked intermediate', async () => {
    const { root, ica, base } = await hierarchy()
    const result = await validatePath({ ...base, crls: [await issueCrl(root, { revoked: [{ serial: 10 }] }), await issueCrl(ica)] })
    expect(result.reasons).toEqual([expect.objectContaining({ code: 'REVOKED', certIndex: 1 })])
  })

  it('fails closed when CRLs were given but none covers a certificate (PKITS 4.4.1)', async () => {
    const { rootCrl, base } = await hierarchy()
    expect(codes(await validatePath({ ...base, crls: [rootCrl] }))).toEqual(['CRL_MISSING'])
    expect(codes(await validatePath({ ...base, crls: [] }))).toEqual(['CRL_MISSING'])
    expect((await validatePath(base)).valid).toBe(true)
  })

  it('refuses an out-of-date CRL and one signed by another key', async () => {
    const { ica, rootCrl, base } = await hierarchy()
    const stale = await issueCrl(ica, { thisUpdate: new Date('2024-01-01T00:00:00Z'), nextUpdate: new Date('2024-02-01T00:00:00Z') })
    expect(codes(await validatePath({ ...base, crls: [rootCrl, stale] }))).toEqual(['CRL_EXPIRED'])
    const forged = await issueCrl(ica, { signingKeys: await newKeys() })
    expect(codes(await validatePath({ ...base, crls: [rootCrl, forged] }))).toEqual(['CRL_INVALID'])
  })

  it('refuses a CRL from a CA whose keyUsage lacks cRLSign', async () => {
    const root = await issue({ subject: cn('Root'), ca: true })
    const ica = await issue({ subject: cn('Issuing CA'), issuer: root, ca: true, keyUsage: [5] })
    const leaf = await issue({ subject: cn('Holder'), issuer: ica })
    const result = await validatePath({ leaf: leaf.der, anchors: [root.der], intermediates: [ica.der], at, crls: [await issueCrl(root), await issueCrl(ica)] })
    expect(codes(result)).toEqual(['CRL_INVALID'])
  })
})
