import { decodeBase64Url, encodeBase64Url } from '../x509-builder/base64-encode'
import { importSigningKey } from '../x509-builder/keys'
import { pkiError } from '../x509-builder/pki-errors'

/**
 * CA private keys at rest. The server stores only this text; the secret comes from its environment.
 *
 *   v1$pbkdf2-sha256$<iterations>$<salt>$<iv>$<ciphertext>
 *
 * salt: 16 random bytes, iv: 12 random bytes, ciphertext: AES-256-GCM over the PKCS #8 DER with its
 * 16-byte tag appended; the three in unpadded base64url. The key is PBKDF2-HMAC-SHA256(secret as
 * UTF-8, salt, iterations, 32 bytes). GCM's additional data is everything before the last '$' plus
 * '$' and the caller's label, so neither the parameters nor the label (e.g. the CA's name) can be
 * changed without the unwrap failing: a blob cannot be moved to another CA's row unnoticed.
 * 600,000 iterations is OWASP's figure for PBKDF2-SHA256; unwrapping happens once per process.
 */
export const KEY_WRAP_ITERATIONS = 600_000
const PREFIX = 'v1$pbkdf2-sha256'
const subtle = () => globalThis.crypto.subtle

async function aesKey(secret: string, salt: Uint8Array, iterations: number, usage: KeyUsage): Promise<CryptoKey> {
  if (secret.length < 16) throw new RangeError('the key-wrapping secret must be at least 16 characters')
  const material = await subtle().importKey('raw', new TextEncoder().encode(secret), 'PBKDF2', false, ['deriveKey'])
  return subtle().deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, iterations }, material, { name: 'AES-GCM', length: 256 }, false, [usage])
}

export async function wrapPrivateKey(privateKey: CryptoKey, secret: string, options: { label?: string; iterations?: number } = {}): Promise<string> {
  const iterations = options.iterations ?? KEY_WRAP_ITERATIONS
  if (!Number.isInteger(iterations) || iterations < 10_000 || iterations > 10_000_000) throw new RangeError(`iterations ${iterations}`)
  const pkcs8 = new Uint8Array(await subtle().exportKey('pkcs8', privateKey))
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(16))
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12))
  const header = `${PREFIX}$${iterations}$${encodeBase64Url(salt)}$${encodeBase64Url(iv)}`
  const key = await aesKey(secret, salt, iterations, 'encrypt')
  const additionalData = new TextEncoder().encode(`${header}$${options.label ?? ''}`)
  const ciphertext = new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv, additionalData }, key, pkcs8))
  pkcs8.fill(0)
  return `${header}$${encodeBase64Url(ciphertext)}`
}

/** The private key as a non-extractable signing CryptoKey; KEY_UNWRAP_FAILED for a wrong secret, label or a damaged blob. */
export async function unwrapPrivateKey(wrapped: string, secret: string, options: { label?: string } = {}): Promise<CryptoKey> {
  const parts = wrapped.split('$')
  const [version, kdf, iterationsText, saltText, ivText, ciphertextText] = parts
  const iterations = Number(iterationsText)
  const salt = decodeBase64Url(saltText ?? '')
  const iv = decodeBase64Url(ivText ?? '')
  const ciphertext = decodeBase64Url(ciphertextText ?? '')
  if (parts.length !== 6 || `${version}$${kdf}` !== PREFIX || !/^\d{5,8}$/.test(iterationsText) || salt?.length !== 16 || iv?.length !== 12 || !ciphertext) {
    throw pkiError('KEY_UNWRAP_FAILED', 'not a v1 wrapped key')
  }
  const key = await aesKey(secret, salt, iterations, 'decrypt')
  const header = parts.slice(0, 5).join('$')
  let pkcs8: Uint8Array
  try {
    const additionalData = new TextEncoder().encode(`${header}$${options.label ?? ''}`)
    pkcs8 = new Uint8Array(await subtle().decrypt({ name: 'AES-GCM', iv: iv as Uint8Array<ArrayBuffer>, additionalData }, key, ciphertext as Uint8Array<ArrayBuffer>))
  } catch (error) {
    throw pkiError('KEY_UNWRAP_FAILED', 'authentication failed', { cause: error })
  }
  try {
    return await importSigningKey(pkcs8)
  } finally {
    pkcs8.fill(0)
  }
}
