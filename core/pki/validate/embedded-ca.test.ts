import { beforeAll, describe, expect, it } from 'vitest'
import { createDemoHierarchy, type DemoHierarchy } from '../ca/demo-hierarchy'
import { issueFromCsr, type IssueFromCsrOptions } from '../ca/issue'
import type { ProfileRequest } from '../ca/profiles'
import { signCrl } from '../ca/crl'
import { ecKeyPair } from '../ca/test-keys'
import { buildCsr } from '../csr/csr-build'
import { validatePath } from './validate-path'

/**
 * What the embedded CA issues must pass the strict validator: every profile, with the CA's CRL,
 * for the purpose the profile is meant for. A change on either side that breaks this breaks login.
 */
const NOW = new Date('2025-03-01T00:00:00Z')
const LATER = new Date('2025-06-01T00:00:00Z')
let hierarchy: DemoHierarchy
let csrDer: Uint8Array

beforeAll(async () => {
  hierarchy = await createDemoHierarchy({ generateKeyPair: ecKeyPair, clock: () => NOW, crlBaseUrl: 'https://certdesk.example/' })
  csrDer = await buildCsr({ keyPair: await ecKeyPair() })
})

const issue = async (request: ProfileRequest, ca = hierarchy.customs) =>
  issueFromCsr({ ca, csrDer, validity: { days: 365 }, clock: () => NOW, ...request } as IssueFromCsrOptions)

const crl = (ca = hierarchy.customs, entries: { serialHex: string; reason: 'keyCompromise' | 'certificateHold' }[] = []) =>
  signCrl({ ca, entries: entries.map((e) => ({ ...e, revokedAt: NOW })), crlNumber: 1, thisUpdate: NOW, nextUpdate: new Date('2025-12-01T00:00:00Z') })

describe('certificates from the embedded CA', () => {
  it('validates a customs signing certificate with its CRLs, for signing and client authentication', async () => {
    const leaf = await issue({ profile: 'customs-personal', subject: { brokerCode: 'B00051', ubn: '04177036', sequence: 1, ra: { ubn: '97162640', number: 2 } } })
    const crls = [await crl(hierarchy.twca), await crl()]
    const result = await validatePath({
      leaf: leaf.certificate,
      anchors: [hierarchy.twca.certificate, hierarchy.grca.certificate],
      intermediates: [hierarchy.customs.certificate, hierarchy.moica.certificate],
      crls,
      at: LATER,
      purpose: 'sign',
      extendedKeyUsage: ['clientAuth'],
      requiredPolicy: '2.16.886.101.0.3.0',
    })
    expect(result.reasons).toEqual([])
    expect(result.path).toHaveLength(3)
  })

  it('refuses the card encryption certificate for signing, and a revoked or held certificate', async () => {
    const subject = { name: '王小明', cardId: '1282000269404504', idLast4: '6789' }
    const encrypt = await issue({ profile: 'citizen-card-encrypt', subject }, hierarchy.moica)
    const sign = await issue({ profile: 'citizen-card-sign', subject }, hierarchy.moica)
    const base = { anchors: [hierarchy.grca.certificate], intermediates: [hierarchy.moica.certificate], at: LATER, purpose: 'sign' as const }
    expect((await validatePath({ ...base, leaf: encrypt.certificate })).reasons.map((r) => r.code)).toEqual(['ENCRYPTION_ONLY'])
    expect((await validatePath({ ...base, leaf: sign.certificate })).valid).toBe(true)
    for (const reason of ['keyCompromise', 'certificateHold'] as const) {
      const crls = [await crl(hierarchy.grca), await crl(hierarchy.moica, [{ serialHex: sign.serialHex, reason }])]
      const result = await validatePath({ ...base, leaf: sign.certificate, crls })
      expect(result.reasons).toEqual([expect.objectContaining({ code: 'REVOKED', certIndex: 0, detail: reason })])
    }
  })
})
