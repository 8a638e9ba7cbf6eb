import { beforeAll, describe, expect, it } from 'vitest'
import { pkiErrorCode } from '../x509-builder/pki-errors'
import { KEY_WRAP_ITERATIONS, unwrapPrivateKey, wrapPrivateKey } from './key-wrap'
import { ecKeyPair } from './test-keys'

const SECRET = 'correct horse battery staple'
const FAST = { iterations: 10_000 }
let keys: CryptoKeyPair
let wrapped: string

async function signsFor(privateKey: CryptoKey, publicKey: CryptoKey): Promise<boolean> {
  const data = new TextEncoder().encode('certdesk')
  const algorithm = { name: 'ECDSA', hash: 'SHA-256' }
  return globalThis.crypto.subtle.verify(algorithm, publicKey, await globalThis.crypto.subtle.sign(algorithm, privateKey, data), data)
}

const code = (promise: Promise<unknown>) => promise.then(() => 'resolved', (error: unknown) => pkiErrorCode(error) ?? String(error))

beforeAll(async () => {
  keys = await ecKeyPair()
  wrapped = await wrapPrivateKey(keys.privateKey, SECRET, { ...FAST, label: 'customs' })
})

describe('CA private keys at rest', () => {
  it('writes v1$pbkdf2-sha256$<iterations>$<salt>$<iv>$<ciphertext> and never the key itself', async () => {
    expect(wrapped).toMatch(/^v1\$pbkdf2-sha256\$10000\$[\w-]{22}\$[\w-]{16}\$[\w-]+$/)
    const pkcs8 = new Uint8Array(await globalThis.crypto.subtle.exportKey('pkcs8', keys.privateKey))
    expect(wrapped).not.toContain(Buffer.from(pkcs8).toString('base64url').slice(40, 60))
    expect(await wrapPrivateKey(keys.privateKey, SECRET, FAST)).not.toBe(await wrapPrivateKey(keys.privateKey, SECRET, FAST))
  })

  it('unwraps to a non-extractable key that signs for the same public key', async () => {
    const key = await unwrapPrivateKey(wrapped, SECRET, { label: 'customs' })
    expect(key.extractable).toBe(false)
    expect(await signsFor(key, keys.publicKey)).toBe(true)
  })

  it('fails as KEY_UNWRAP_FAILED with a wrong secret, another label, or any changed character', async () => {
    expect(await code(unwrapPrivateKey(wrapped, SECRET + '!', { label: 'customs' }))).toBe('KEY_UNWRAP_FAILED')
    expect(await code(unwrapPrivateKey(wrapped, SECRET, { label: 'moica' }))).toBe('KEY_UNWRAP_FAILED')
    const parts = wrapped.split('$')
    const flip = (text: string) => (text[0] === 'A' ? 'B' : 'A') + text.slice(1)
    for (const index of [3, 4, 5]) {
      const changed = [...parts]
      changed[index] = flip(changed[index])
      expect(await code(unwrapPrivateKey(changed.join('$'), SECRET, { label: 'customs' }))).toBe('KEY_UNWRAP_FAILED')
    }
    expect(await code(unwrapPrivateKey(wrapped.replace('$10000$', '$10001$'), SECRET, { label: 'customs' }))).toBe('KEY_UNWRAP_FAILED')
    expect(await code(unwrapPrivateKey('v2$scrypt$1$a$b$c', SECRET))).toBe('KEY_UNWRAP_FAILED')
  })

  it('defaults to 600,000 iterations and refuses short secrets', async () => {
    expect(KEY_WRAP_ITERATIONS).toBe(600_000)
    expect(await code(wrapPrivateKey(keys.privateKey, 'short', FAST))).toMatch(/at least 16/)
  })
})
