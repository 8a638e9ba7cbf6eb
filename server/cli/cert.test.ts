import { execFile } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const run = promisify(execFile)
const sample = path.resolve('../shared/pki/samples/GCA_TEST_company_style_EE_2023.pem')

async function cert(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run('npx', ['tsx', 'server/cli/cert.ts', ...args])
    return { code: 0, out: stdout }
  } catch (err) {
    const e = err as { code: number; stdout: string }
    return { code: e.code, out: e.stdout }
  }
}

describe('npm run cert -- inspect', () => {
  it('prints the fields of a real certificate as JSON', async () => {
    if (!existsSync(sample)) return console.log('../shared/pki is absent here: nothing to inspect')
    const { code, out } = await cert('inspect', sample, '--json')
    expect(code).toBe(0)
    expect(JSON.parse(out)).toMatchObject({
      subject: 'C=TW, O=測試公司1, serialNumber=82675132',
      serialHex: '4305d9161080465cf340f049ea6cc726',
      keyUsage: ['digitalSignature'],
      policies: ['2.16.886.101.0.3.0'],
      isCA: false,
      kind: 'gca',
      canSign: true,
      identity: { ubn: '82675132', cardType: 'primary' },
    })
  })

  it('prints a typed error and exits 1 for a file that is not a certificate', async () => {
    const file = path.join(tmpdir(), `not-a-cert-${process.pid}.txt`)
    writeFileSync(file, 'hello, this is not a certificate\n')
    const { code, out } = await cert('inspect', file, '--json')
    expect(code).toBe(1)
    expect(JSON.parse(out)).toEqual({ error: { code: 'NOT_A_CERTIFICATE', message: 'This file is not a certificate' } })
  })
})

const anchors = path.resolve('../shared/pki/anchors')

describe('npm run cert -- verify', () => {
  it('validates a real chain (MOICA G2 under GRCA G2) and prints the path; exit 0', async () => {
    if (!existsSync(anchors)) return console.log('../shared/pki is absent here: nothing to verify')
    const { code, out } = await cert('verify', path.join(anchors, 'MOICA_G2.pem'), '--anchor', path.join(anchors, 'GRCA_G2.pem'), '--json')
    expect(code).toBe(0)
    expect(JSON.parse(out)).toEqual({ valid: true, reasons: [], path: ['C=TW, O=行政院, OU=內政部憑證管理中心', 'C=TW, O=Government Root Certification Authority'] })
  })

  it('names the reason and exits 1: an untrusted issuer, a certificate checked after it expired', async () => {
    if (!existsSync(anchors)) return
    const untrusted = await cert('verify', sample, '--anchor', path.join(anchors, 'GRCA_G2.pem'), '--json')
    expect(untrusted.code).toBe(1)
    expect(JSON.parse(untrusted.out).reasons.map((r: { code: string }) => r.code)).toEqual(['UNTRUSTED_ISSUER'])
    const expired = await cert('verify', path.join(anchors, 'MOICA_G2.pem'), '--anchor', path.join(anchors, 'GRCA_G2.pem'), '--at', '2040-01-01T00:00:00Z', '--json')
    expect(expired.code).toBe(1)
    expect(JSON.parse(expired.out).reasons).toEqual([{ code: 'EXPIRED', message: 'The certificate has expired' }])
  })

  it('exits 2 for unreadable input', async () => {
    const file = path.join(tmpdir(), `not-a-cert-${process.pid}-2.txt`)
    writeFileSync(file, 'not a certificate')
    const { code, out } = await cert('verify', file, '--anchor', file, '--json')
    expect(code).toBe(2)
    expect(JSON.parse(out).error.code).toBe('NOT_A_CERTIFICATE')
  })
})
