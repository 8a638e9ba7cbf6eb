import { bmpString, explicit, implicitPrimitive, integer, octetString, oid, sequence, set, type Der } from '../x509-builder/der-encode'
import { pkiError } from '../x509-builder/pki-errors'
import { computeMac } from './mac'
import { validatePfxPassword } from './passwords'
import { pbes2Encrypt } from './pbe'
import { P12 } from './pkcs12-oids'

/**
 * Writes a PFX (structures in pfx-read.ts and safe-bags.ts) the way OpenSSL 3 does by default, which
 * OpenSSL, Java 17 keytool and Windows 10+ all import:
 *   authSafe = [ encryptedData { certBags },  data { pkcs8ShroudedKeyBag } ]
 *   both encrypted with PBES2 / PBKDF2-HMAC-SHA256 / AES-256-CBC, random 16-byte salts and IVs;
 *   MacData: HMAC-SHA256 keyed by the PKCS #12 KDF.
 * Each key and its certificate share a localKeyId (SHA-1 of the certificate, as OpenSSL writes it)
 * and a friendlyName, which is what Windows shows and what customs software looks the key up by.
 *
 * Iterations: 100,000 for each of the three derivations (certificates, key, MAC). Here that costs
 * about 25 ms per PBKDF2 (native WebCrypto) and 65 ms for the MAC (PKCS #12 KDF in JS, see
 * sha-sync.ts): ≈ 0.12 s to write and as much to open, acceptable for a download and a card login.
 * The MAC matters as much as the encryption, since a password guess can be checked against
 * whichever is cheaper. OpenSSL's default (2,048) would make guessing 50 times cheaper; 600,000 (the
 * OWASP figure for PBKDF2-SHA256) would cost ≈ 0.6 s per open in a browser, and .NET's PFX loader
 * (customs software is often .NET) caps iterations per KDF and per file by default
 * (Pkcs12LoaderLimits), so a modest count is also the safer one for interoperability.
 */
export const PFX_ITERATIONS = 100_000

export interface PfxEntry {
  /** PKCS #8 DER, or an extractable private CryptoKey */
  privateKey: CryptoKey | Uint8Array
  certificate: Uint8Array
  friendlyName?: string
}

export interface BuildPfxOptions {
  password: string
  /** other certificates to include (the CA chain), without keys */
  chain?: readonly Uint8Array[]
  /** tests only: fewer iterations to stay fast; never below 2,048 (OpenSSL's default) */
  iterations?: number
}

function attributes(localKeyId: Uint8Array, friendlyName?: string): Der {
  const items = [sequence(oid(P12.localKeyId), set(octetString(localKeyId)))]
  if (friendlyName) items.unshift(sequence(oid(P12.friendlyName), set(bmpString(friendlyName))))
  return set(...items)
}

const safeBag = (bagId: string, value: Der, bagAttributes?: Der): Der =>
  bagAttributes ? sequence(oid(bagId), explicit(0, value), bagAttributes) : sequence(oid(bagId), explicit(0, value))

const certBag = (certificate: Uint8Array): Der => sequence(oid(P12.x509Certificate), explicit(0, octetString(certificate)))

async function pkcs8Of(key: CryptoKey | Uint8Array): Promise<Uint8Array> {
  if (key instanceof Uint8Array) return key
  if (!key.extractable) throw pkiError('NO_PRIVATE_KEY', 'the private key is not extractable')
  return new Uint8Array(await globalThis.crypto.subtle.exportKey('pkcs8', key))
}

/** A PFX holding several keys, each with its certificate (a card: signing and encryption pair), plus a chain. */
export async function buildPfxEntries(entries: readonly PfxEntry[], options: BuildPfxOptions): Promise<Uint8Array> {
  validatePfxPassword(options.password)
  const iterations = Math.max(options.iterations ?? PFX_ITERATIONS, 2048)
  const certBags: Der[] = []
  const keyBags: Der[] = []
  for (const entry of entries) {
    const localKeyId = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-1', entry.certificate as Uint8Array<ArrayBuffer>))
    const bagAttributes = attributes(localKeyId, entry.friendlyName)
    certBags.push(safeBag(P12.certBag, certBag(entry.certificate), bagAttributes))
    const { algorithm: encryption, ciphertext } = await pbes2Encrypt(await pkcs8Of(entry.privateKey), options.password, iterations)
    keyBags.push(safeBag(P12.pkcs8ShroudedKeyBag, sequence(encryption, octetString(ciphertext)), bagAttributes))
  }
  for (const certificate of options.chain ?? []) certBags.push(safeBag(P12.certBag, certBag(certificate)))

  const certs = await pbes2Encrypt(sequence(...certBags), options.password, iterations)
  const encryptedData = sequence(integer(0), sequence(oid(P12.data), certs.algorithm, implicitPrimitive(0, certs.ciphertext)))
  const authSafe = sequence(
    sequence(oid(P12.encryptedData), explicit(0, encryptedData)),
    sequence(oid(P12.data), explicit(0, octetString(sequence(...keyBags)))),
  )
  const macData = await computeMac(authSafe, options.password, iterations)
  return sequence(integer(3), sequence(oid(P12.data), explicit(0, octetString(authSafe))), macData)
}

/** One key and its certificate: the .pfx the applicant downloads next to the .cer (DOMAIN.md §5). */
export function buildPfx(options: BuildPfxOptions & PfxEntry): Promise<Uint8Array> {
  const { privateKey, certificate, friendlyName, ...rest } = options
  return buildPfxEntries([{ privateKey, certificate, friendlyName }], rest)
}

