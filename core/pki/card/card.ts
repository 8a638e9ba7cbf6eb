import type { CertificateInfo } from '../certificate-info'

/**
 * A smart card as the product sees it. In production the browser reaches the card through a local
 * component (HiCOS); here a PKCS #12 file and its PIN stand in (DOMAIN.md §8). Both sit behind this
 * interface, so a HiCOS bridge can replace Pkcs12CardReader without touching the login code.
 * The private key never leaves the card object: only `sign` uses it.
 */
export interface Card {
  /** the signing certificate (DER): keyUsage digitalSignature, never the card's encryption one */
  certificate: Uint8Array
  info: CertificateInfo
  /** the CA certificates the card (file) carries, nearest first when the file had them in order */
  chain: Uint8Array[]
  /** signs with the signing key: RSASSA-PKCS1-v1_5 / SHA-256, or ECDSA as Ecdsa-Sig-Value DER */
  sign(data: Uint8Array): Promise<Uint8Array>
}

export interface CardReader {
  /** WRONG_PIN for a wrong PIN; NO_SIGNING_CERTIFICATE for an encryption-only card; PFX_MALFORMED … for a bad file */
  open(file: Uint8Array, pin: string): Promise<Card>
}
