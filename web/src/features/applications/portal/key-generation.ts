import { validatePfxPassword, type Card } from '@core/pki'
import { canonicalBytes } from '@core/workflow/canonical-json'

/**
 * The pure parts of 產製憑證 (seed 002, DOMAIN.md §5): what the company card signs, what the files are
 * called, and the .pfx password rule. The key pair and the network live in use-key-generation.ts.
 */

/** Base64 of bytes, in chunks: String.fromCharCode over a whole certificate request can overflow the stack. */
export function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

export function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0))
}

/**
 * The body of POST /api/applications/:id/certificate: the card signs the canonical JSON of exactly
 * `{ applicationNo, csr, signedAt }`, which the server rebuilds from the application it holds and the body.
 */
export async function signedCertificateRequest(card: Card, applicationNo: string, csrDer: Uint8Array, signedAt: string) {
  const csr = toBase64(csrDer)
  const signature = await card.sign(canonicalBytes({ applicationNo, csr, signedAt }))
  return { csr, signedAt, certificate: toBase64(card.certificate), signature: toBase64(signature) }
}

/** Seed 002: 檔案名稱（限英數字）. */
export const FILE_NAME = /^[A-Za-z0-9]{1,64}$/

/** The download names: the server's suggestion cleaned to letters and digits, never empty. */
export function certificateFileNames(name: string): { base: string; cer: string; pfx: string } {
  const base = name.replace(/[^A-Za-z0-9]/g, '').slice(0, 64) || 'certificate'
  return { base, cer: `${base}.cer`, pfx: `${base}.pfx` }
}

/** What is wrong with the password pair, as a message key of `portalApplications.keys`, or null. */
export function pfxPasswordProblem(password: string, confirm: string): 'passwordRule' | 'passwordMismatch' | null {
  try {
    validatePfxPassword(password)
  } catch {
    return 'passwordRule'
  }
  return password === confirm ? null : 'passwordMismatch'
}

/** `…, CN=SingleWindow-01-B00051, serialNumber=…` → `SingleWindow-01-B00051`: the certificate's name. */
export function certificateName(subject: string): string {
  return /(?:^|,\s*)CN=([^,]+)/.exec(subject)?.[1]?.trim() ?? subject
}
