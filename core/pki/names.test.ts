import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { inspectCertificate } from './inspect'
import { buildTestCertificate, type NameSpec } from './test-certificate'

const C: [string, string, 'printable'] = ['2.5.4.6', 'TW', 'printable']

const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version'])
    return true
  } catch {
    console.log('openssl is not installed: names are not compared with it')
    return false
  }
})()

function opensslSubject(der: Uint8Array): string | null {
  if (!hasOpenssl) return null
  const out = execFileSync('openssl', ['x509', '-inform', 'DER', '-noout', '-subject', '-nameopt', 'utf8,esc_ctrl,sep_comma_plus_space'], { input: der })
  return out.toString('utf8').trim().replace(/^subject=/, '')
}

async function subjectOf(spec: NameSpec) {
  const der = await buildTestCertificate({ subject: spec })
  const { subject } = await inspectCertificate(der)
  return { subject, openssl: opensslSubject(der) }
}

describe('subject and issuer names', () => {
  it('decodes BMPString as UTF-16 big-endian, as old GPKI certificates write Chinese names', async () => {
    const { subject, openssl } = await subjectOf([[C], [['2.5.4.10', '行政院', 'bmp']], [['2.5.4.11', '內政部憑證管理中心', 'bmp']], [['2.5.4.3', '王小明', 'bmp']]])
    expect(subject.rdns[3]).toEqual([{ type: '2.5.4.3', shortName: 'CN', value: '王小明' }])
    expect(subject.display).toBe('C=TW, O=行政院, OU=內政部憑證管理中心, CN=王小明')
    if (openssl !== null) expect(subject.display).toBe(openssl)
  })

  it('keeps a multi-valued RDN as one group, shown with " + " as OpenSSL does', async () => {
    const { subject, openssl } = await subjectOf([[C], [['2.5.4.3', '測試人'], ['2.5.4.5', '1282000269404504', 'printable']], [['2.5.4.10', 'Org']]])
    expect(subject.rdns.map((rdn) => rdn.length)).toEqual([1, 2, 1])
    expect(subject.rdns[1].map((a) => a.shortName)).toEqual(['CN', 'serialNumber'])
    expect(subject.display).toBe('C=TW, CN=測試人 + serialNumber=1282000269404504, O=Org')
    if (openssl !== null) expect(subject.display).toBe(openssl)
  })

  it('reads TeletexString as Latin-1, UniversalString as UTF-32 and IA5String as ASCII', async () => {
    const { subject, openssl } = await subjectOf([
      [['2.5.4.3', 'Café', 'teletex']],
      [['2.5.4.10', '臺灣𠀋', 'universal']],
      [['1.2.840.113549.1.9.1', 'a@b.tw', 'ia5']],
    ])
    expect(subject.display).toBe('CN=Café, O=臺灣𠀋, emailAddress=a@b.tw')
    if (openssl !== null) expect(subject.display).toBe(openssl)
  })

  it('names unknown attribute types by OID and escapes control characters in the display only', async () => {
    const { subject, openssl } = await subjectOf([[['1.2.3.4', 'x']], [['2.5.4.3', 'two\nlines']]])
    expect(subject.rdns[0]).toEqual([{ type: '1.2.3.4', value: 'x' }])
    expect(subject.rdns[1][0].value).toBe('two\nlines')
    expect(subject.display).toBe('1.2.3.4=x, CN=two\\0Alines')
    if (openssl !== null) expect(subject.display).toBe(openssl)
  })

  it('shows an issuer that differs from the subject, and says whether the certificate is self-issued', async () => {
    const der = await buildTestCertificate({ subject: [[['2.5.4.3', 'leaf']]], issuer: [[C], [['2.5.4.3', 'CA']]] })
    const info = await inspectCertificate(der)
    expect(info.issuer.display).toBe('C=TW, CN=CA')
    expect(info.selfIssued).toBe(false)
    expect((await inspectCertificate(await buildTestCertificate({ subject: [[C]] }))).selfIssued).toBe(true)
  })
})
