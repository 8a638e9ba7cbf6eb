/**
 * Object identifiers of PKCS #12 (RFC 7292), PKCS #5 (RFC 8018), PKCS #7 (RFC 2315) and RFC 9579.
 */
export const P12 = {
  // PKCS #7 content types
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  envelopedData: '1.2.840.113549.1.7.3',
  encryptedData: '1.2.840.113549.1.7.6',
  // bag types (RFC 7292 §4.2)
  keyBag: '1.2.840.113549.1.12.10.1.1',
  pkcs8ShroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  safeContentsBag: '1.2.840.113549.1.12.10.1.6',
  x509Certificate: '1.2.840.113549.1.9.22.1',
  // bag attributes (PKCS #9)
  friendlyName: '1.2.840.113549.1.9.20',
  localKeyId: '1.2.840.113549.1.9.21',
  // password-based schemes
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
  pbmac1: '1.2.840.113549.1.5.14',
  aes128Cbc: '2.16.840.1.101.3.4.1.2',
  aes192Cbc: '2.16.840.1.101.3.4.1.22',
  aes256Cbc: '2.16.840.1.101.3.4.1.42',
  desEde3Cbc: '1.2.840.113549.3.7',
  desCbc: '1.3.14.3.2.7',
  hmacWithSha256: '1.2.840.113549.2.9',
  sha256: '2.16.840.1.101.3.4.2.1',
} as const

/** pkcs-12PbeIds (RFC 7292 appendix C): key bytes, RC2 effective bits (none for 3DES). RC4 (.1, .2) is not supported. */
export const LEGACY_PBE: Record<string, { cipher: '3des' | 'rc2'; keyLength: number; effectiveBits?: number }> = {
  '1.2.840.113549.1.12.1.3': { cipher: '3des', keyLength: 24 },
  '1.2.840.113549.1.12.1.4': { cipher: '3des', keyLength: 16 },
  '1.2.840.113549.1.12.1.5': { cipher: 'rc2', keyLength: 16, effectiveBits: 128 },
  '1.2.840.113549.1.12.1.6': { cipher: 'rc2', keyLength: 5, effectiveBits: 40 },
}

/** Message digests a MacData may name, and the hmacWith* PRFs of PBKDF2 / PBMAC1. */
export const DIGESTS: Record<string, 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512'> = {
  '1.3.14.3.2.26': 'SHA-1',
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
}
export const HMACS: Record<string, 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512'> = {
  '1.2.840.113549.2.7': 'SHA-1',
  '1.2.840.113549.2.9': 'SHA-256',
  '1.2.840.113549.2.10': 'SHA-384',
  '1.2.840.113549.2.11': 'SHA-512',
}

export const AES_CBC: Record<string, number> = {
  [P12.aes128Cbc]: 16,
  [P12.aes192Cbc]: 24,
  [P12.aes256Cbc]: 32,
}
