import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { inspectCertificate } from './inspect'

/**
 * The GPKI reading of the real sample certificates. The expected values were read off
 * `openssl asn1parse -strparse` of each Subject Directory Attributes extension by hand.
 */
const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
const samples = path.join(process.env.CONFORMANCE_DIR ?? path.resolve(repoRoot, '../shared'), 'pki', 'samples')

async function sample(file: string) {
  return inspectCertificate(readFileSync(path.join(samples, file), 'utf8'))
}

describe('GPKI samples', () => {
  it('reads a MOICA mobile encryption certificate: last 4 of the ID, card type, not for signing', async () => {
    if (!existsSync(samples)) return console.log(`skipping: ${samples} is absent`)
    const info = await sample('MOICA_TEST_mobile_encryption_EE_2024.pem')
    expect(info.identity).toEqual({ name: '測試人', idLast4: '9945', cardType: 'mobile', subjectClass: '2.16.886.1.100.3.1.9' })
    expect(info).toMatchObject({ kind: 'moica', isTest: true, isCA: false, canSign: false, encryptionOnly: true })
    expect(info.extensions.keyUsage).toEqual(['keyEncipherment', 'dataEncipherment'])
    expect((await sample('MOICA_TEST_mobile_encryption_EE_2024b.pem')).identity.idLast4).toBe('2116')
  })

  it('reads a company-style GCA test certificate: the UBN in the extension agrees with the subject', async () => {
    if (!existsSync(samples)) return console.log(`skipping: ${samples} is absent`)
    const info = await sample('GCA_TEST_company_style_EE_2023.pem')
    expect(info.identity).toEqual({ name: '測試公司1', ubn: '82675132', ubnSource: 'extension', cardType: 'primary', subjectClass: '2.16.886.1.100.3.2.2.1.1' })
    expect(info).toMatchObject({ kind: 'gca', isTest: true, canSign: true, encryptionOnly: false })
    expect(info.extensions.subjectAltName).toEqual([{ type: 'email', value: 'test@cht.com.tw' }])
  })

  it('reads a production GCA server certificate, whose 16-digit serialNumber is no UBN', async () => {
    if (!existsSync(samples)) return console.log(`skipping: ${samples} is absent`)
    const info = await sample('GCA_EE_ssl_opendata.epa.gov.tw_2017_expired.pem')
    expect(info.identity).toEqual({ name: 'opendata.epa.gov.tw', subjectClass: '2.16.886.1.100.3.3.1' })
    expect(info).toMatchObject({ kind: 'gca', isTest: false, canSign: true })
  })
})
