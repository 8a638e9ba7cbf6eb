import { decodeBase64 } from '../base64'

/**
 * The DER inside each PEM block of a text, whatever its label (certificates and CRLs alike).
 * Unlike readCertificates, nothing is checked here: malformed certificates are what the suites test.
 */
export function pemBlocks(text: string): Uint8Array[] {
  const blocks: Uint8Array[] = []
  for (const match of text.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g)) {
    const der = decodeBase64(match[2])
    if (der) blocks.push(der)
  }
  return blocks
}

/** The one block of a PEM text, or the bytes themselves when they are DER already. */
export function derOf(content: Uint8Array | string): Uint8Array {
  if (typeof content !== 'string' && content[0] === 0x30) return content
  const text = typeof content === 'string' ? content : new TextDecoder().decode(content)
  return pemBlocks(text)[0] ?? new Uint8Array()
}
