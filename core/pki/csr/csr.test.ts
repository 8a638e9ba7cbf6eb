import { spawnSync } from 'node:child_process'
import { createPublicKey } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { ecKeyPair } from '../ca/test-keys'
import { encodeBase64 } from '../x509-builder/base64-encode'
import { exportSpki } from '../x509-builder/keys'
import { pkiErrorCode } from '../x509-builder/pki-errors'
import { buildCsr } from './csr-build'
import { verifyCsr } from './csr-verify'
import { RSA_SIGNING_KEY, generateSigningKeyPair } from './key-pair'

function opensslReq(der: Uint8Array): string {
  const out = spawnSync('openssl', ['req', '-inform', 'DER', '-noout', '-verify', '-subject', '-nameopt', 'utf8,sep_comma_plus_space'], { input: der })
  return out.stdout.toString() + out.stderr.toString()
}

let rsa: CryptoKeyPair

beforeAll(async () => {
  rsa = await generateSigningKeyPair()
})

describe('key pair and CSR (browser side)', () => {
  it('generates an extractable RSA-2048 RSASSA-PKCS1-v1_5 / SHA-256 key', () => {
    const algorithm = rsa.privateKey.algorithm as RsaHashedKeyAlgorithm
    expect([algorithm.name, algorithm.modulusLength, algorithm.hash.name]).toEqual([RSA_SIGNING_KEY.name, 2048, 'SHA-256'])
    expect(rsa.privateKey.extractable).toBe(true)
  })

  it('builds a request without a subject that openssl verifies', async () => {
    const der = await buildCsr({ keyPair: rsa })
    const out = opensslReq(der)
    expect(out).toMatch(/verify OK/i)
    expect(out).toMatch(/^subject=\s*$/m)
    const verified = await verifyCsr(der)
    expect(verified.spki).toEqual(await exportSpki(rsa.publicKey))
    expect(verified.publicKey).toMatchObject({ algorithm: 'RSA', bits: 2048 })
    expect(verified.requestedSubject.rdns).toEqual([])
    expect(createPublicKey({ key: Buffer.from(verified.spki), format: 'der', type: 'spki' }).asymmetricKeyType).toBe('rsa')
  })

  it('carries a requested subject in single-valued RDNs, and works with ECDSA keys', async () => {
    const der = await buildCsr({ keyPair: await ecKeyPair(), subject: [['C', 'TW'], ['O', '測試公司'], ['CN', 'Test']] })
    expect(opensslReq(der)).toMatch(/subject=C=TW, O=測試公司, CN=Test/)
    expect((await verifyCsr(der)).requestedSubject.display).toBe('C=TW, O=測試公司, CN=Test')
  })

  it('refuses a request whose signature does not match its key, and garbage', async () => {
    const der = await buildCsr({ keyPair: rsa })
    const tampered = der.slice()
    tampered[40] ^= 0x01 // inside the public key
    for (const bad of [tampered, der.subarray(0, der.length - 1), new Uint8Array([0x30, 0x00]), new TextEncoder().encode(encodeBase64(der))]) {
      expect(pkiErrorCode(await verifyCsr(bad).catch((e: unknown) => e))).toBe('CSR_INVALID')
    }
  })
})
