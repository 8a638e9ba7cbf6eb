/**
 * The subscriber's key pair, made in the browser so the private key never reaches the server
 * (DOMAIN.md §5). RSA-2048 with RSASSA-PKCS1-v1_5 / SHA-256: what the customs software and the
 * GPKI cards use. Extractable, because the key must be written into the .pfx download; nothing else
 * ever exports it.
 */
export const RSA_SIGNING_KEY: RsaHashedKeyGenParams = {
  name: 'RSASSA-PKCS1-v1_5',
  modulusLength: 2048,
  publicExponent: new Uint8Array([0x01, 0x00, 0x01]),
  hash: 'SHA-256',
}

export function generateSigningKeyPair(options: { extractable?: boolean } = {}): Promise<CryptoKeyPair> {
  return globalThis.crypto.subtle.generateKey(RSA_SIGNING_KEY, options.extractable ?? true, ['sign', 'verify'])
}
