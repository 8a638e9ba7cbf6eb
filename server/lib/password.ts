import { randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto'

/**
 * Passwords are hashed with scrypt (memory-hard) from node:crypto, stored as
 * `scrypt$<log2 N>$<r>$<p>$<salt b64>$<hash b64>` so the cost can rise later without breaking old hashes.
 */
const R = 8
const P = 1
const KEY_LENGTH = 32

function derive(password: string, salt: Buffer, logN: number, r: number, p: number): Promise<Buffer> {
  const N = 2 ** logN
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { N, r, p, maxmem: 256 * N * r }, (err, key) =>
      err ? reject(err) : resolve(key),
    )
  })
}

export async function hashPassword(password: string, logN: number): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt, logN, R, P)
  return ['scrypt', logN, R, P, salt.toString('base64'), key.toString('base64')].join('$')
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, logN, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64')
  const key = await derive(password, Buffer.from(salt, 'base64'), Number(logN), Number(r), Number(p))
  return key.length === expected.length && timingSafeEqual(key, expected)
}

/**
 * A temporary password that meets the password rule, without look-alike characters
 * (0/O, 1/l/I) since it is read aloud or copied by hand.
 */
export function generateTemporaryPassword(): string {
  const groups = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789']
  const all = groups.join('')
  const chars = groups.map((g) => g[randomInt(g.length)]!)
  while (chars.length < 12) chars.push(all[randomInt(all.length)]!)
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1)
    ;[chars[i], chars[j]] = [chars[j]!, chars[i]!]
  }
  return chars.join('')
}
