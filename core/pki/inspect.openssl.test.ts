import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { CertificateInfo } from './certificate-info'
import { PkiError } from './errors'
import { inspectCertificate } from './inspect'
import { readCertificate } from './read'

/**
 * OpenSSL as the oracle: every real certificate in the shared folder, inspected here and printed
 * by `openssl x509`, must agree field by field. The shared folder sits beside the repository
 * (CONFORMANCE_DIR overrides); without it, or without openssl, these tests say so and pass.
 */
const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
const sharedDir = process.env.CONFORMANCE_DIR ?? path.resolve(repoRoot, '../shared')
const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version'])
    return true
  } catch {
    return false
  }
})()

function ready(dir: string): boolean {
  if (existsSync(dir) && hasOpenssl) return true
  console.log(`skipping: ${existsSync(dir) ? 'openssl is not installed' : `${dir} is absent`}`)
  return false
}

const EXTENSIONS = 'keyUsage,extendedKeyUsage,basicConstraints,subjectKeyIdentifier,authorityKeyIdentifier,certificatePolicies,crlDistributionPoints,authorityInfoAccess,subjectAltName'

function openssl(der: Uint8Array, args: string[]): string {
  return execFileSync('openssl', ['x509', '-inform', 'DER', '-noout', '-nameopt', 'utf8,esc_ctrl,sep_comma_plus_space', ...args], { input: der }).toString('utf8')
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** "Jul 24 08:13:25 2017 GMT" → ISO */
function opensslDate(text: string): string {
  const [month, day, time, year] = text.trim().split(/\s+/)
  const [h, m, s] = time.split(':').map(Number)
  return new Date(Date.UTC(Number(year), MONTHS.indexOf(month), Number(day), h, m, s)).toISOString()
}

function colonHex(hex: string): string {
  return hex.toUpperCase().replace(/(..)(?!$)/g, '$1:')
}

/** The basics as `openssl x509 -subject -issuer -serial -dates -fingerprint` prints them. */
function basicsOf(der: Uint8Array) {
  const lines = Object.fromEntries(
    openssl(der, ['-subject', '-issuer', '-serial', '-dates', '-fingerprint', '-sha256'])
      .trim()
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  )
  return {
    subject: lines.subject,
    issuer: lines.issuer,
    serial: lines.serial,
    notBefore: opensslDate(lines.notBefore),
    notAfter: opensslDate(lines.notAfter),
    fingerprint: lines['sha256 Fingerprint'],
  }
}

function ourBasics(info: CertificateInfo) {
  return {
    subject: info.subject.display,
    issuer: info.issuer.display,
    serial: info.serialHex.toUpperCase(),
    notBefore: info.notBefore,
    notAfter: info.notAfter,
    fingerprint: colonHex(info.sha256Fingerprint),
  }
}

const KEY_USAGE_TEXT: Record<string, string> = {
  digitalSignature: 'Digital Signature',
  nonRepudiation: 'Non Repudiation',
  keyEncipherment: 'Key Encipherment',
  dataEncipherment: 'Data Encipherment',
  keyAgreement: 'Key Agreement',
  keyCertSign: 'Certificate Sign',
  cRLSign: 'CRL Sign',
  encipherOnly: 'Encipher Only',
  decipherOnly: 'Decipher Only',
}
const EKU_TEXT: Record<string, string> = { serverAuth: 'TLS Web Server Authentication', clientAuth: 'TLS Web Client Authentication' }
const SAN_PREFIX: Record<string, string> = { dns: 'DNS', email: 'email', uri: 'URI' }

/** The -ext output as { 'X509v3 Key Usage': { critical, lines } } */
function extensionsOf(der: Uint8Array): Record<string, { critical: boolean; lines: string[] }> {
  const out: Record<string, { critical: boolean; lines: string[] }> = {}
  let current: string[] = []
  for (const line of openssl(der, ['-ext', EXTENSIONS]).split('\n')) {
    if (!line.trim() || line.startsWith('No extensions')) continue
    if (line.startsWith(' ')) current.push(line.trim())
    else out[line.replace(/:\s*(critical)?\s*$/, '')] = { critical: /critical\s*$/.test(line), lines: (current = []) }
  }
  return out
}

/** Our extensions written the way OpenSSL writes them. */
function ourExtensions(info: CertificateInfo): Record<string, { critical: boolean; lines: string[] }> {
  const e = info.extensions
  const critical = (name: string) => e.list.find((x) => x.name === name)?.critical ?? false
  const out: Record<string, { critical: boolean; lines: string[] }> = {}
  const put = (label: string, name: string, lines: string[] | undefined) => {
    if (lines) out[label] = { critical: critical(name), lines }
  }
  const { basicConstraints: bc, authorityInfoAccess: aia } = e
  put('X509v3 Key Usage', 'keyUsage', e.keyUsage && [e.keyUsage.map((u) => KEY_USAGE_TEXT[u]).join(', ')])
  put('X509v3 Extended Key Usage', 'extKeyUsage', e.extendedKeyUsage && [e.extendedKeyUsage.map((u) => EKU_TEXT[u.name ?? ''] ?? u.oid).join(', ')])
  put('X509v3 Basic Constraints', 'basicConstraints', bc && [`CA:${bc.ca ? 'TRUE' : 'FALSE'}${bc.pathLen === undefined ? '' : `, pathlen:${bc.pathLen}`}`])
  put('X509v3 Subject Key Identifier', 'subjectKeyIdentifier', e.subjectKeyIdentifier ? [colonHex(e.subjectKeyIdentifier)] : undefined)
  put('X509v3 Authority Key Identifier', 'authorityKeyIdentifier', e.authorityKeyIdentifier?.keyId ? [colonHex(e.authorityKeyIdentifier.keyId)] : undefined)
  put('X509v3 Certificate Policies', 'certificatePolicies', e.certificatePolicies?.map((p) => `Policy: ${p}`))
  put('X509v3 CRL Distribution Points', 'cRLDistributionPoints', e.cRLDistributionPoints?.flatMap((uri) => ['Full Name:', `URI:${uri}`]))
  put('Authority Information Access', 'authorityInfoAccess', aia && [...aia.caIssuers.map((u) => `CA Issuers - URI:${u}`), ...aia.ocsp.map((u) => `OCSP - URI:${u}`)])
  put('X509v3 Subject Alternative Name', 'subjectAltName', e.subjectAltName && [e.subjectAltName.map((n) => `${SAN_PREFIX[n.type]}:${n.value}`).join(', ')])
  return out
}

function realCertificates(): [string, Uint8Array][] {
  return ['anchors', 'samples'].flatMap((folder) =>
    readdirSync(path.join(sharedDir, 'pki', folder))
      .filter((file) => file.endsWith('.pem'))
      .map((file): [string, Uint8Array] => [`${folder}/${file}`, readCertificate(readFileSync(path.join(sharedDir, 'pki', folder, file), 'utf8'))]),
  )
}

describe('inspectCertificate against OpenSSL on the real GPKI and TWCA certificates', () => {
  it('agrees on names, serial, dates, fingerprint, algorithms and extensions', async () => {
    if (!ready(path.join(sharedDir, 'pki'))) return
    const files = realCertificates()
    expect(files.length).toBeGreaterThanOrEqual(14)
    for (const [file, der] of files) {
      const info = await inspectCertificate(der)
      expect(ourBasics(info), file).toEqual(basicsOf(der))
      const text = openssl(der, ['-text'])
      expect(text, file).toContain(`Signature Algorithm: ${info.signatureAlgorithm}\n`)
      expect(text, file).toContain(`Public-Key: (${info.publicKey.bits} bit)`)
      if (info.publicKey.curve) expect(text, file).toContain(`NIST CURVE: ${info.publicKey.curve}`)
      const { 'X509v3 Authority Key Identifier': aki, ...theirs } = extensionsOf(der)
      const { 'X509v3 Authority Key Identifier': ourAki, ...ours } = ourExtensions(info)
      expect(ours, file).toEqual(theirs)
      // OpenSSL 3.0 writes "keyid:" before the key id only when the issuer and serial are there too.
      if (aki) expect({ ...aki, lines: aki.lines.map((line) => line.replace(/^keyid:/, '')) }, file).toEqual(ourAki)
    }
  })
})

describe('inspectCertificate on google/x509test (one certificate per RFC 5280 rule)', () => {
  it('reads every ok- certificate, rejects only with PkiError (never hangs), and agrees with OpenSSL where both read it', async () => {
    const dir = path.join(sharedDir, 'testsuites', 'x509test')
    if (!ready(dir)) return
    const files = ['certs', 'chains'].flatMap((folder) =>
      readdirSync(path.join(dir, folder))
        .filter((file) => file.endsWith('.der'))
        .map((file) => `${folder}/${file}`),
    )
    let compared = 0
    const rejected: string[] = []
    for (const file of files) {
      const der = new Uint8Array(readFileSync(path.join(dir, file)))
      const info = await inspectCertificate(der).catch((error: unknown) => {
        expect(error, file).toBeInstanceOf(PkiError)
        expect((error as PkiError).detail, file).not.toBe('unexpected decoder failure')
        return null
      })
      if (!info) {
        expect(path.basename(file).startsWith('ok-'), `${file} was rejected`).toBe(false)
        rejected.push(file)
        continue
      }
      let theirs: ReturnType<typeof basicsOf>
      try {
        theirs = basicsOf(der)
      } catch {
        continue // OpenSSL refuses it; nothing to compare with
      }
      expect(ourBasics(info), file).toEqual(theirs)
      compared++
    }
    console.log(`x509test: ${files.length} certificates, ${rejected.length} rejected (all xf-), ${compared} compared with OpenSSL`)
    expect(compared).toBeGreaterThan(40)
  }, 60_000) // one OpenSSL process per certificate, 174 of them: ~9 s alone, more beside the other workers
})
