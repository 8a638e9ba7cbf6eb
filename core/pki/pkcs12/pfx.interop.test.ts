import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { createDemoHierarchy, type DemoHierarchy } from '../ca/demo-hierarchy'
import { issueFromCsr } from '../ca/issue'
import { ecKeyPair } from '../ca/test-keys'
import { buildCsr } from '../csr/csr-build'
import { generateSigningKeyPair } from '../csr/key-pair'
import { encodeBase64 } from '../x509-builder/base64-encode'
import { pkiErrorCode } from '../x509-builder/pki-errors'
import { buildPfx, PFX_ITERATIONS } from './pfx-build'
import { readPfx } from './pfx-read'

/**
 * The .pfx the applicant downloads must open in other people's tools: OpenSSL 3 and Java 17's
 * keytool (which the customs software vendors use), and must round-trip through readPfx.
 */
const dir = mkdtempSync(join(tmpdir(), 'certdesk-pfx-'))
const PASSWORD = 'B00051pass'
const NAME = 'SingleWindow-01-B00051'
let hierarchy: DemoHierarchy
let keys: CryptoKeyPair
let certificate: Uint8Array
let pfx: Uint8Array

function run(command: string, args: string[]): { status: number | null; out: string } {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 30_000 })
  return { status: result.status, out: result.stdout + result.stderr }
}

const pem = (der: Uint8Array, label: string) => `-----BEGIN ${label}-----\n${encodeBase64(der).replace(/.{64}/g, '$&\n')}\n-----END ${label}-----\n`

beforeAll(async () => {
  hierarchy = await createDemoHierarchy({ generateKeyPair: ecKeyPair })
  keys = await generateSigningKeyPair()
  const subject = { brokerCode: 'B00051', ubn: '04177036', sequence: 1, ra: { ubn: '97162640' } }
  certificate = (await issueFromCsr({ ca: hierarchy.customs, csrDer: await buildCsr({ keyPair: keys }), profile: 'customs-personal', subject, validity: { days: 365 } })).certificate
  pfx = await buildPfx({ privateKey: keys.privateKey, certificate, chain: [hierarchy.customs.certificate, hierarchy.twca.certificate], password: PASSWORD, friendlyName: NAME })
  writeFileSync(join(dir, 'x.pfx'), pfx)
})

describe('the .pfx we write', () => {
  it('opens in openssl pkcs12 with PBES2 / AES-256-CBC / PBKDF2-SHA256 and an HMAC-SHA256 MAC at 100,000 iterations', () => {
    const info = run('openssl', ['pkcs12', '-in', join(dir, 'x.pfx'), '-info', '-nodes', '-passin', `pass:${PASSWORD}`])
    expect(info.status, info.out).toBe(0)
    expect(info.out).toContain(`MAC: sha256, Iteration ${PFX_ITERATIONS}`)
    expect(info.out).toContain(`Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration ${PFX_ITERATIONS}, PRF hmacWithSHA256`)
    expect(info.out).toContain(`PKCS7 Encrypted data: PBES2, PBKDF2, AES-256-CBC, Iteration ${PFX_ITERATIONS}, PRF hmacWithSHA256`)
    expect(info.out).toContain(`friendlyName: ${NAME}`)
    expect(info.out.match(/BEGIN CERTIFICATE/g)).toHaveLength(3)
    expect(info.out).toContain('BEGIN PRIVATE KEY')
    expect(run('openssl', ['pkcs12', '-in', join(dir, 'x.pfx'), '-nodes', '-passin', 'pass:wrong1234']).out).toMatch(/Mac verify error/)
  })

  it('imports with Java 17 keytool as one private key entry with its chain', () => {
    const target = join(dir, `java-${Date.now()}.p12`)
    const imported = run('keytool', ['-importkeystore', '-srckeystore', join(dir, 'x.pfx'), '-srcstoretype', 'PKCS12', '-srcstorepass', PASSWORD, '-destkeystore', target, '-deststoretype', 'PKCS12', '-deststorepass', 'changeit99', '-noprompt'])
    expect(imported.status, imported.out).toBe(0)
    expect(imported.out).toMatch(/1 entries successfully imported, 0 entries failed or cancelled/)
    const list = run('keytool', ['-list', '-v', '-keystore', target, '-storepass', 'changeit99'])
    expect(list.out).toMatch(/Entry type: PrivateKeyEntry/)
    expect(list.out).toMatch(/Certificate chain length: 3/)
    expect(list.out.toLowerCase()).toContain(NAME.toLowerCase())
  })

  it('round-trips through readPfx: the key, its certificate (paired by localKeyId) and the chain', async () => {
    const contents = await readPfx(pfx, PASSWORD)
    const pkcs8 = new Uint8Array(await globalThis.crypto.subtle.exportKey('pkcs8', keys.privateKey))
    expect(contents.keys).toHaveLength(1)
    expect(contents.keys[0].pkcs8).toEqual(pkcs8)
    expect(contents.certificates.map((c) => c.der)).toEqual([certificate, hierarchy.customs.certificate, hierarchy.twca.certificate])
    expect(contents.certificates[0]).toMatchObject({ friendlyName: NAME, localKeyId: contents.keys[0].localKeyId })
    expect(contents.integrity).toBe('hmac')
    expect(pkiErrorCode(await readPfx(pfx, 'B00051pasS').catch((e: unknown) => e))).toBe('WRONG_PIN')
  })

  it('reads what openssl writes with -legacy (3DES key bag, RC2-40 certificates) for the same key', async () => {
    const pkcs8 = new Uint8Array(await globalThis.crypto.subtle.exportKey('pkcs8', keys.privateKey))
    writeFileSync(join(dir, 'key.pem'), pem(pkcs8, 'PRIVATE KEY'))
    writeFileSync(join(dir, 'cert.pem'), pem(certificate, 'CERTIFICATE'))
    const out = join(dir, 'legacy.p12')
    const made = run('openssl', ['pkcs12', '-export', '-legacy', '-inkey', join(dir, 'key.pem'), '-in', join(dir, 'cert.pem'), '-out', out, '-passout', `pass:${PASSWORD}`])
    expect(made.status, made.out).toBe(0)
    const contents = await readPfx(new Uint8Array(readFileSync(out)), PASSWORD)
    expect(contents.keys[0].pkcs8).toEqual(pkcs8)
    expect(contents.certificates[0].der).toEqual(certificate)
  })

  it.each(['abc', 'a'.repeat(21), 'abc 1234', 'pass-word', '密碼12345', ''])('refuses the password %j (4–20 letters or digits)', async (password) => {
    const error = await buildPfx({ privateKey: keys.privateKey, certificate, password }).catch((e: unknown) => e)
    expect(pkiErrorCode(error)).toBe('PFX_PASSWORD_RULE')
  })

  it('says PFX_MALFORMED for a file that is not PKCS #12 or is cut short', async () => {
    for (const bad of [certificate, pfx.subarray(0, pfx.length - 10), new Uint8Array([1, 2, 3])]) {
      expect(pkiErrorCode(await readPfx(bad, PASSWORD).catch((e: unknown) => e))).toBe('PFX_MALFORMED')
    }
  })
})
