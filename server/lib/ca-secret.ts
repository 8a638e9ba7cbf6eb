import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Env } from '../env'

/**
 * The secret that wraps the embedded CA's private keys. From CA_KEY_SECRET when set (production: a secret
 * store); otherwise generated once into DATA_DIR/ca-key.secret, readable by the owner only, so a copy of the
 * database alone never holds usable CA keys.
 */
export function resolveCaSecret(env: Env): string {
  if (env.CA_KEY_SECRET) return env.CA_KEY_SECRET
  const file = path.resolve(env.DATA_DIR, 'ca-key.secret')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(path.dirname(file), { recursive: true })
  const secret = randomBytes(32).toString('base64url')
  writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' })
  return secret
}
