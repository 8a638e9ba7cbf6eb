import { execFileSync } from 'node:child_process'
import { beforeAll, describe, expect, it } from 'vitest'
import type { IssuingCa } from './ca-types'
import { createRootCa } from './create-ca'
import { signCrl, type CrlReason } from './crl'
import { ecKeyPair } from './test-keys'

let ca: IssuingCa
const thisUpdate = new Date('2025-03-01T00:00:00Z')
const nextUpdate = new Date('2025-03-08T00:00:00Z')

const text = (der: Uint8Array) => execFileSync('openssl', ['crl', '-inform', 'DER', '-noout', '-text'], { input: der }).toString()

beforeAll(async () => {
  ca = await createRootCa({ name: 'moica', keyPair: await ecKeyPair(), subject: [['C', 'TW'], ['CN', 'CRL test']], validity: { days: 30 }, clock: () => thisUpdate })
})

describe('CRLs', () => {
  it('lists each reason RFC 5280 allows in a full CRL, leaving reasonCode out for unspecified', async () => {
    const reasons: CrlReason[] = ['unspecified', 'keyCompromise', 'affiliationChanged', 'superseded', 'cessationOfOperation', 'certificateHold', 'privilegeWithdrawn']
    const entries = reasons.map((reason, i) => ({ serialHex: (0x7a00 + i).toString(16), revokedAt: thisUpdate, reason }))
    const out = text(await signCrl({ ca, entries, crlNumber: 12n, thisUpdate, nextUpdate }))
    expect(out).toMatch(/Version 2/)
    expect(out).toMatch(/X509v3 CRL Number:\s+12/)
    expect(out).toMatch(/Next Update: Mar\s+8 00:00:00 2025 GMT/)
    for (const shown of ['Key Compromise', 'Affiliation Changed', 'Superseded', 'Cessation Of Operation', 'Certificate Hold', 'Privilege Withdrawn']) expect(out).toContain(shown)
    expect(out.match(/CRL Reason Code/g)).toHaveLength(reasons.length - 1)
  })

  it('writes no revokedCertificates at all when nothing is revoked (the field is OPTIONAL, not empty)', async () => {
    expect(text(await signCrl({ ca, entries: [], crlNumber: 1, thisUpdate, nextUpdate }))).toMatch(/No Revoked Certificates/)
  })

  it('refuses removeFromCRL, duplicate serials and a CRL number beyond 20 octets', async () => {
    const entry = { serialHex: '01', revokedAt: thisUpdate, reason: 'certificateHold' as const }
    await expect(signCrl({ ca, entries: [{ ...entry, reason: 'removeFromCRL' as CrlReason }], crlNumber: 1, thisUpdate, nextUpdate })).rejects.toThrow(/removeFromCRL/)
    await expect(signCrl({ ca, entries: [entry, { ...entry, serialHex: '0001' }], crlNumber: 1, thisUpdate, nextUpdate })).rejects.toThrow(/twice/)
    await expect(signCrl({ ca, entries: [], crlNumber: 1n << 160n, thisUpdate, nextUpdate })).rejects.toThrow(/crlNumber/)
  })
})
