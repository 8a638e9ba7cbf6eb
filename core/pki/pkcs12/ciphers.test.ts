import { execFileSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { fromHexString, toHexString } from '../x509-builder/base64-encode'
import { desBlock, desSubkeys, tripleDesCbcDecrypt } from './des'
import { pkcs12Kdf } from './pkcs12-kdf'
import { rc2CbcDecrypt, rc2DecryptBlock, rc2ExpandKey } from './rc2'
import { sha1, sha1Iterate, sha256, sha256Iterate } from './sha-sync'

const hex = (text: string) => fromHexString(text.replace(/\s/g, ''))!

function openssl(args: string[], input?: Uint8Array): Uint8Array {
  return new Uint8Array(execFileSync('openssl', args, { input }))
}

describe('SHA-1 and SHA-256 in JS', () => {
  it('agree with node:crypto on lengths around the block boundaries', () => {
    for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000]) {
      const data = new Uint8Array(randomBytes(length))
      expect(toHexString(sha256(data))).toBe(createHash('sha256').update(data).digest('hex'))
      expect(toHexString(sha1(data))).toBe(createHash('sha1').update(data).digest('hex'))
    }
  })

  it('iterate n times like hashing the digest n times', () => {
    const data = new Uint8Array(randomBytes(70))
    let a: Uint8Array = data
    let b: Uint8Array = data
    for (let i = 0; i < 5; i++) {
      a = sha256(a)
      b = sha1(b)
    }
    expect(sha256Iterate(data, 5)).toEqual(a)
    expect(sha1Iterate(data, 5)).toEqual(b)
  })
})

describe('PKCS #12 KDF (RFC 7292 B.2)', () => {
  const bmp = (text: string) => hex([...text].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('') + '0000')

  it('matches the published SHA-1 vectors ("smeg", "queeg")', async () => {
    expect(toHexString(await pkcs12Kdf('SHA-1', bmp('smeg'), hex('0A58CF64530D823F'), 1, 1, 24))).toBe('8aaae6297b6cb04642ab5b077851284eb7128f1a2a7fbca3')
    expect(toHexString(await pkcs12Kdf('SHA-1', bmp('queeg'), hex('05DEC959ACFF72F7'), 2, 1000, 8))).toBe('11dedad7758d4860')
  })

  it.each([
    ['SHA256', 'SHA-256', 3, 2048, 32],
    ['SHA512', 'SHA-512', 3, 5, 64],
    ['SHA1', 'SHA-1', 1, 3, 24],
    ['SHA256', 'SHA-256', 1, 7, 80],
  ] as const)('matches `openssl kdf PKCS12KDF` with %s, ID %i, %i iterations, %i bytes', async (digest, hash, id, iterations, length) => {
    // A long password and salt make I span several v-byte blocks, so the carry arithmetic is exercised.
    const password = bmp('密碼Pässwörd-and-a-password-long-enough-for-two-blocks')
    const salt = new Uint8Array(randomBytes(70))
    const args = ['kdf', '-keylen', String(length), '-kdfopt', `digest:${digest}`, '-kdfopt', `hexpass:${toHexString(password)}`]
    args.push('-kdfopt', `hexsalt:${toHexString(salt)}`, '-kdfopt', `iter:${iterations}`, '-kdfopt', `id:${id}`, 'PKCS12KDF')
    const expected = new TextDecoder().decode(openssl(args)).trim().replace(/:/g, '').toLowerCase()
    expect(toHexString(await pkcs12Kdf(hash, password, salt, id, iterations, length))).toBe(expected)
  })
})

describe('DES and 3DES', () => {
  it('decrypts the classic DES vector (key 133457799BBCDFF1)', () => {
    const keys = desSubkeys(hex('133457799BBCDFF1')).reverse()
    expect(toHexString(desBlock(hex('85E813540F0AB405'), keys))).toBe('0123456789abcdef')
  })

  it('decrypts the SP 800-67 3DES example in ECB', () => {
    const [k1, k2, k3] = ['0123456789ABCDEF', '23456789ABCDEF01', '456789ABCDEF0123'].map((k) => desSubkeys(hex(k)))
    const decrypt = (block: Uint8Array) => desBlock(desBlock(desBlock(block, [...k3].reverse()), k2), [...k1].reverse())
    const ciphertext = hex('A826FD8CE53B855F CCE21C8112256FE6 68D5C05DD9B6B900')
    const plain = [0, 8, 16].map((o) => new TextDecoder().decode(decrypt(ciphertext.subarray(o, o + 8)))).join('')
    expect(plain).toBe('The qufck brown fox jump')
  })

  it('decrypts `openssl enc -des-ede3-cbc` output of every length 0–40', () => {
    const key = new Uint8Array(randomBytes(24))
    const iv = new Uint8Array(randomBytes(8))
    for (let length = 0; length <= 40; length += 3) {
      const plain = new Uint8Array(randomBytes(length))
      const ciphertext = openssl(['enc', '-des-ede3-cbc', '-K', toHexString(key), '-iv', toHexString(iv)], plain)
      expect(tripleDesCbcDecrypt(key, iv, ciphertext)).toEqual(plain)
    }
  })

  it('reports a wrong key as null (bad padding), not as garbage', () => {
    const key = new Uint8Array(randomBytes(24))
    const iv = new Uint8Array(8)
    const ciphertext = openssl(['enc', '-des-ede3-cbc', '-K', toHexString(key), '-iv', toHexString(iv)], new Uint8Array(30))
    const wrong = key.slice()
    wrong[0] ^= 0x02 // bit 0 is parity, ignored by DES: flip a key bit instead
    expect(tripleDesCbcDecrypt(wrong, iv, ciphertext)).toBeNull()
  })
})

describe('RC2 (RFC 2268)', () => {
  // RFC 2268 §5: key, effective bits, plaintext, ciphertext
  const vectors: [string, number, string, string][] = [
    ['0000000000000000', 63, '0000000000000000', 'ebb773f993278eff'],
    ['ffffffffffffffff', 64, 'ffffffffffffffff', '278b27e42e2f0d49'],
    ['3000000000000000', 64, '1000000000000001', '30649edf9be7d2c2'],
    ['88', 64, '0000000000000000', '61a8a244adacccf0'],
    ['88bca90e90875a', 64, '0000000000000000', '6ccf4308974c267f'],
    ['88bca90e90875a7f0f79c384627bafb2', 64, '0000000000000000', '1a807d272bbe5db1'],
    ['88bca90e90875a7f0f79c384627bafb2', 128, '0000000000000000', '2269552ab0f85ca6'],
    ['88bca90e90875a7f0f79c384627bafb216f80a6f85920584c42fceb0be255daf1e', 129, '0000000000000000', '5b78d3a43dfff1f1'],
  ]

  it.each(vectors)('key %s, %i effective bits', (key, bits, plain, cipher) => {
    expect(toHexString(rc2DecryptBlock(rc2ExpandKey(hex(key), bits), hex(cipher)))).toBe(plain)
  })

  it.each([
    ['rc2-40-cbc', 5, 40],
    ['rc2-cbc', 16, 128],
  ])('decrypts `openssl enc -%s` output', (cipher, keyLength, bits) => {
    const key = new Uint8Array(randomBytes(keyLength))
    const iv = new Uint8Array(randomBytes(8))
    const plain = new Uint8Array(randomBytes(37))
    const ciphertext = openssl(['enc', `-${cipher}`, '-provider', 'legacy', '-provider', 'default', '-K', toHexString(key), '-iv', toHexString(iv)], plain)
    expect(rc2CbcDecrypt(key, bits, iv, ciphertext)).toEqual(plain)
  })
})
