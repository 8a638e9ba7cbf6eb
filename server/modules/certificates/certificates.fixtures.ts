import { execFileSync } from 'node:child_process'
import { addDemoCertificates } from '../../lib/demo-certificates'
import { createTestApp, testKeyPair } from '../../lib/testing'

export type TestApp = Awaited<ReturnType<typeof createTestApp>>

/** A test app with the embedded CA and the two demo certificates: [Keelung personal, Kaohsiung corporate]. */
export async function appWithCertificates(): Promise<{ t: TestApp; keelung: string; kaohsiung: string }> {
  const t = await createTestApp({}, { ca: true })
  const [keelung, kaohsiung] = await addDemoCertificates({ db: t.db, settings: t.ca, now: t.now(), generateKeyPair: testKeyPair })
  return { t, keelung: keelung!, kaohsiung: kaohsiung! }
}

/** The customs CRL as OpenSSL prints it. */
export async function crlText(t: TestApp): Promise<string> {
  const der = Buffer.from(await (await t.app.request('/crl/customs.crl')).arrayBuffer())
  return execFileSync('openssl', ['crl', '-inform', 'DER', '-noout', '-text'], { input: der }).toString()
}

/** A serial as OpenSSL lists it on a CRL: whole bytes (so a leading 0 nibble stays) in upper case. */
export const onCrl = (serialHex: string) => `Serial Number: ${serialHex.toUpperCase()}\n`

/** `aabbcc` → `AA:BB:CC`, as certificate viewers show a serial. */
export const withColons = (serialHex: string) => serialHex.toUpperCase().match(/../g)!.join(':')
