import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

/** Seed files for the fuzz tests, read from the shared conformance suites (tests only). */
export const SUITES = path.resolve(process.env.CONFORMANCE_DIR ?? '../shared/testsuites')

function filesIn(dir: string, pattern: RegExp, limit: number): Uint8Array[] {
  const full = path.join(SUITES, dir)
  if (!existsSync(full)) return []
  return readdirSync(full)
    .filter((f) => pattern.test(f))
    .sort()
    .slice(0, limit)
    .map((f) => new Uint8Array(readFileSync(path.join(full, f))))
}

export const certificateSeeds = () => [...filesIn('x509test/certs', /\.der$/, 120), ...filesIn('nist-pkits/pki/testdata/nist-pkits/certs', /\.crt$/, 120)]
export const crlSeeds = () => filesIn('nist-pkits/pki/testdata/nist-pkits/crls', /\.crl$/, 80)

/** PKCS #12 files with their passwords: index.json for the top level, the README's rule for openssl/. */
export function pfxSeeds(): { der: Uint8Array; password: string }[] {
  const index = path.join(SUITES, 'pkcs12/index.json')
  if (!existsSync(index)) return []
  const top = (JSON.parse(readFileSync(index, 'utf8')) as { file: string; password: string | null }[]).map((e) => ({
    der: new Uint8Array(readFileSync(path.join(SUITES, 'pkcs12', e.file))),
    password: e.password ?? '',
  }))
  const openssl = readdirSync(path.join(SUITES, 'pkcs12/openssl')).map((f) => ({
    der: new Uint8Array(readFileSync(path.join(SUITES, 'pkcs12/openssl', f))),
    password: f.startsWith('empty-password') ? '' : f.startsWith('unicode-password') ? '密碼Pässwörd' : 'Passw0rd!',
  }))
  return [...top, ...openssl]
}

export const anchorSeeds = () => filesIn('nist-pkits/pki/testdata/nist-pkits/certs', /^TrustAnchorRootCertificate\.crt$/, 1)
