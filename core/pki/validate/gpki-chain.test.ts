import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { pemBlocks } from '../conformance/pem'
import { validatePath } from './validate-path'

/**
 * Real certificates of Taiwan's government PKI (../shared/pki/README.md). GRCA G1 and G2 share one
 * DN, so these chains only validate when the builder follows keys, not names.
 */
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url))
const shared = process.env.CONFORMANCE_DIR ?? path.resolve(repoRoot, '../shared')
const anchorsDir = path.join(shared, 'pki', 'anchors')
const pem = (file: string) => pemBlocks(readFileSync(path.join(anchorsDir, file), 'utf8'))[0]

describe('GPKI chains', () => {
  it('chains MOICA G2 to GRCA G2, though GRCA G1 has the same name and comes first', async () => {
    if (!existsSync(anchorsDir)) return console.log(`skipping: ${anchorsDir} is absent`)
    const anchors = [pem('GRCA_G1_TaiwanGRCA_2002.pem'), pem('GRCA_G2.pem')]
    const result = await validatePath({ leaf: pem('MOICA_G2.pem'), anchors, at: new Date('2025-06-01T00:00:00Z') })
    expect(result).toMatchObject({ valid: true, path: ['C=TW, O=行政院, OU=內政部憑證管理中心', 'C=TW, O=Government Root Certification Authority'] })
  })

  it('reaches GRCA G1 through the cross certificate when G1 is the only anchor', async () => {
    if (!existsSync(anchorsDir)) return console.log(`skipping: ${anchorsDir} is absent`)
    const base = { leaf: pem('MOEACA_G2.pem'), anchors: [pem('GRCA_G1_TaiwanGRCA_2002.pem')], intermediates: [pem('GRCA_G2_cross_signed_by_GRCA_G1.pem')], at: new Date('2025-06-01T00:00:00Z') }
    // The cross certificate is signed with SHA-1, refused unless the caller allows it.
    expect((await validatePath(base)).reasons.map((r) => r.code)).toEqual(['WEAK_ALGORITHM'])
    expect((await validatePath({ ...base, allowSha1: true })).path).toHaveLength(3)
  })

  it('reports MOICA G1 expired after 2023 and MOICA G3 untrusted without GRCA G3', async () => {
    if (!existsSync(anchorsDir)) return console.log(`skipping: ${anchorsDir} is absent`)
    const anchors = [pem('GRCA_G1_TaiwanGRCA_2002.pem'), pem('GRCA_G2.pem')]
    const g1 = await validatePath({ leaf: pem('MOICA_G1_2003.pem'), anchors, at: new Date('2025-06-01T00:00:00Z'), allowSha1: true })
    expect(g1.reasons.map((r) => r.code)).toEqual(['EXPIRED'])
    const g3 = await validatePath({ leaf: pem('MOICA_G3.pem'), anchors, at: new Date('2025-06-01T00:00:00Z') })
    expect(g3.reasons.map((r) => r.code)).toEqual(['UNTRUSTED_ISSUER'])
  })
})
