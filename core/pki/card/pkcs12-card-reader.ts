import { frameCertificate } from '../frame'
import { inspectCertificate } from '../inspect'
import type { CertificateInfo } from '../certificate-info'
import { readPfx } from '../pkcs12/pfx-read'
import { importSigningKey } from '../x509-builder/keys'
import { pkiError } from '../x509-builder/pki-errors'
import { schemeForKey, signBytes, verifyBytes } from '../x509-builder/signature'
import type { Card, CardReader } from './card'

interface Candidate {
  der: Uint8Array
  info: CertificateInfo
  localKeyId?: string
}

const PROBE = new TextEncoder().encode('certdesk key-certificate pairing probe')

/** Whether a private key belongs to a certificate: one signature, checked with the certificate's key. */
async function pairs(privateKey: CryptoKey, certificate: Uint8Array, info: CertificateInfo): Promise<boolean> {
  try {
    const frame = frameCertificate(certificate)
    const spki = certificate.subarray(frame.publicKey.start, frame.publicKey.end)
    return await verifyBytes(spki, schemeForKey(privateKey).oid, info.publicKey.curve, PROBE, await signBytes(privateKey, PROBE))
  } catch {
    return false
  }
}

/** A signing certificate in GPKI's sense: keyUsage names digitalSignature, or there is no keyUsage at all. */
function signs(info: CertificateInfo): boolean {
  return !info.isCA && (info.extensions.keyUsage ? info.extensions.keyUsage.includes('digitalSignature') : true)
}

/**
 * Opens a .p12 as a card: picks the certificate that can sign (a GPKI card file carries a signing
 * and an encryption pair), finds its key by localKeyId and confirms the pairing with a probe
 * signature (a mislabelled file cannot pair a key with someone else's certificate), and imports
 * the key non-extractable. PINs are not held to the product's 4–20 rule: other producers' files
 * may use any password.
 */
export class Pkcs12CardReader implements CardReader {
  async open(file: Uint8Array, pin: string): Promise<Card> {
    const contents = await readPfx(file, pin)
    const certificates: Candidate[] = []
    for (const { der, localKeyId } of contents.certificates) {
      const info = await inspectCertificate(der).catch(() => undefined)
      if (info) certificates.push({ der, info, localKeyId })
    }
    if (contents.keys.length === 0) throw pkiError('NO_PRIVATE_KEY', 'the file holds certificates only')
    const endEntities = certificates.filter((c) => !c.info.isCA)
    const signing = endEntities.filter((c) => signs(c.info))
    if (signing.length === 0) throw pkiError('NO_SIGNING_CERTIFICATE', `${endEntities.length} end-entity certificate(s), none for signing`)
    for (const candidate of signing) {
      const ordered = [...contents.keys].sort((a, b) => Number(b.localKeyId === candidate.localKeyId) - Number(a.localKeyId === candidate.localKeyId))
      for (const key of ordered) {
        const privateKey = await importSigningKey(key.pkcs8).catch(() => undefined)
        if (!privateKey || !(await pairs(privateKey, candidate.der, candidate.info))) continue
        return {
          certificate: candidate.der,
          info: candidate.info,
          chain: certificates.filter((c) => c.info.isCA).map((c) => c.der),
          sign: (data) => signBytes(privateKey, data),
        }
      }
    }
    throw pkiError('NO_PRIVATE_KEY', 'no key pairs with the signing certificate')
  }
}
