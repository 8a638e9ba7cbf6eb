import { sha1Iterate, sha256Iterate } from './sha-sync'

/**
 * The PKCS #12 key derivation (RFC 7292 appendix B.2), used by the legacy PBE schemes
 * (pbeWithSHAAnd3-KeyTripleDES-CBC and friends, 1.2.840.113549.1.12.1.*) and by the classic
 * MacData HMAC of every PKCS #12 file, old or new. ID 1 derives a cipher key, 2 an IV, 3 a MAC key.
 * The password is a BMPString with its two-byte terminator (see passwords.ts).
 *
 *   D = ID repeated to v bytes; I = salt and password each repeated to a multiple of v bytes;
 *   A_i = H^r(D ‖ I); each v-byte block of I becomes I_j + (A_i repeated to v bytes) + 1 mod 2^8v.
 */
export type KdfHash = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512'

const SIZES: Record<KdfHash, { u: number; v: number }> = {
  'SHA-1': { u: 20, v: 64 },
  'SHA-256': { u: 32, v: 64 },
  'SHA-384': { u: 48, v: 128 },
  'SHA-512': { u: 64, v: 128 },
}

const SYNC: Partial<Record<KdfHash, (data: Uint8Array, n: number) => Uint8Array>> = { 'SHA-1': sha1Iterate, 'SHA-256': sha256Iterate }

/** Each iteration hashes the previous digest: sync where we have it (see sha-sync.ts), WebCrypto otherwise. */
async function iterate(hash: KdfHash, input: Uint8Array, iterations: number): Promise<Uint8Array> {
  const sync = SYNC[hash]
  if (sync) return sync(input, iterations)
  let digest = input
  for (let i = 0; i < iterations; i++) digest = new Uint8Array(await globalThis.crypto.subtle.digest(hash, digest as Uint8Array<ArrayBuffer>))
  return digest
}

function repeatTo(source: Uint8Array, v: number): Uint8Array {
  const out = new Uint8Array(v * Math.ceil(source.length / v))
  for (let i = 0; i < out.length; i++) out[i] = source[i % source.length]
  return out
}

// Bouncy Castle now writes 600,000; a file asking for more than this is refused rather than left to freeze the page.
export const MAX_KDF_ITERATIONS = 2_000_000

export async function pkcs12Kdf(hash: KdfHash, password: Uint8Array, salt: Uint8Array, id: 1 | 2 | 3, iterations: number, length: number): Promise<Uint8Array> {
  if (!Number.isSafeInteger(iterations) || iterations < 1 || iterations > MAX_KDF_ITERATIONS) throw new RangeError(`iterations ${iterations}`)
  const { u, v } = SIZES[hash]
  const d = new Uint8Array(v).fill(id)
  const i = new Uint8Array([...repeatTo(salt, v), ...repeatTo(password, v)])
  const out = new Uint8Array(Math.ceil(length / u) * u)
  for (let block = 0; block * u < length; block++) {
    const input = new Uint8Array(v + i.length)
    input.set(d)
    input.set(i, v)
    const a = await iterate(hash, input, iterations)
    out.set(a, block * u)
    if ((block + 1) * u >= length) break
    const b = repeatTo(a, v).subarray(0, v)
    for (let j = 0; j < i.length; j += v) {
      let carry = 1
      for (let k = v - 1; k >= 0; k--) {
        const sum = i[j + k] + b[k] + carry
        i[j + k] = sum & 0xff
        carry = sum >> 8
      }
    }
  }
  return out.subarray(0, length)
}
