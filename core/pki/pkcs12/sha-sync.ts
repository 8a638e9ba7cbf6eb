/**
 * SHA-1 and SHA-256 (FIPS 180-4) in plain JavaScript, synchronous. Only the PKCS #12 key
 * derivation uses them: it hashes its own output once per iteration, and 100,000 awaited WebCrypto
 * digests cost about 2 s here. `iterate` keeps the digest as words between rounds, so a round is
 * one compression with no allocation.
 */
const K256 = Uint32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
])
const IV256 = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
const IV1 = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0]

/** One 64-byte block, already in w[0..15], into the state h. */
function compress256(h: Uint32Array, w: Uint32Array): void {
  for (let i = 16; i < 64; i++) {
    const a = w[i - 15]
    const b = w[i - 2]
    const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3)
    const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10)
    w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0
  }
  let a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7] // prettier-ignore
  for (let i = 0; i < 64; i++) {
    const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))
    const t1 = (hh + s1 + ((e & f) ^ (~e & g)) + K256[i] + w[i]) | 0
    const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))
    const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0
    hh = g
    g = f
    f = e
    e = (d + t1) | 0
    d = c
    c = b
    b = a
    a = (t1 + t2) | 0
  }
  h[0] += a
  h[1] += b
  h[2] += c
  h[3] += d
  h[4] += e
  h[5] += f
  h[6] += g
  h[7] += hh
}

function compress1(h: Uint32Array, w: Uint32Array): void {
  for (let i = 16; i < 80; i++) {
    const x = w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]
    w[i] = (x << 1) | (x >>> 31)
  }
  let a = h[0], b = h[1], c = h[2], d = h[3], e = h[4] // prettier-ignore
  for (let i = 0; i < 80; i++) {
    const f = i < 20 ? (b & c) | (~b & d) : i < 40 ? b ^ c ^ d : i < 60 ? (b & c) | (b & d) | (c & d) : b ^ c ^ d
    const k = i < 20 ? 0x5a827999 : i < 40 ? 0x6ed9eba1 : i < 60 ? 0x8f1bbcdc : 0xca62c1d6
    const t = (((a << 5) | (a >>> 27)) + f + e + k + w[i]) | 0
    e = d
    d = c
    c = (b << 30) | (b >>> 2)
    b = a
    a = t
  }
  h[0] += a
  h[1] += b
  h[2] += c
  h[3] += d
  h[4] += e
}

interface Sha {
  iv: number[]
  words: number
  compress: (h: Uint32Array, w: Uint32Array) => void
}
const SHA256: Sha = { iv: IV256, words: 64, compress: compress256 }
const SHA1: Sha = { iv: IV1, words: 80, compress: compress1 }

/** Hashes `data` into the returned state words (padding: 0x80, zeros, 64-bit bit length). */
function hashWords(sha: Sha, data: Uint8Array): Uint32Array {
  const blocks = Math.ceil((data.length + 9) / 64)
  const bytes = new Uint8Array(blocks * 64)
  bytes.set(data)
  bytes[data.length] = 0x80
  const view = new DataView(bytes.buffer)
  view.setUint32(bytes.length - 8, Math.floor((data.length * 8) / 2 ** 32))
  view.setUint32(bytes.length - 4, (data.length * 8) >>> 0)
  const h = Uint32Array.from(sha.iv)
  const w = new Uint32Array(sha.words)
  for (let offset = 0; offset < bytes.length; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + i * 4)
    sha.compress(h, w)
  }
  return h
}

function toBytes(h: Uint32Array): Uint8Array {
  const out = new Uint8Array(h.length * 4)
  const view = new DataView(out.buffer)
  h.forEach((word, i) => view.setUint32(i * 4, word))
  return out
}

/** H^n(data): the digest of the digest …, n times; the digest (20 or 32 bytes) always fits one block. */
function iterate(sha: Sha, data: Uint8Array, n: number): Uint8Array {
  const h = hashWords(sha, data)
  const w = new Uint32Array(sha.words)
  const digestWords = h.length
  for (let round = 1; round < n; round++) {
    w.set(h)
    w[digestWords] = 0x80000000
    w.fill(0, digestWords + 1, 15)
    w[15] = digestWords * 32
    h.set(sha.iv)
    sha.compress(h, w)
  }
  return toBytes(h)
}

export const sha256 = (data: Uint8Array): Uint8Array => toBytes(hashWords(SHA256, data))
export const sha1 = (data: Uint8Array): Uint8Array => toBytes(hashWords(SHA1, data))
export const sha256Iterate = (data: Uint8Array, n: number): Uint8Array => iterate(SHA256, data, n)
export const sha1Iterate = (data: Uint8Array, n: number): Uint8Array => iterate(SHA1, data, n)
