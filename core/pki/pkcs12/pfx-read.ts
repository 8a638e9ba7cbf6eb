import { decodeOid, smallInteger } from '../der-values'
import { PkiError } from '../errors'
import { pkiError } from '../x509-builder/pki-errors'
import { childrenWithTag, explicitContent, octetsOf, parseBer, type BerNode } from './ber'
import { verifyMac } from './mac'
import { bmpCandidates } from './passwords'
import { P12 } from './pkcs12-oids'
import { decryptToNode, readSafeContents, type Decryption, type PfxCertificate, type PfxKey } from './safe-bags'

/**
 * PFX ::= SEQUENCE { version INTEGER {v3(3)}, authSafe ContentInfo, macData MacData OPTIONAL }  (RFC 7292 §4)
 * ContentInfo ::= SEQUENCE { contentType OBJECT IDENTIFIER, content [0] EXPLICIT ANY OPTIONAL }
 * AuthenticatedSafe ::= SEQUENCE OF ContentInfo -- each data (1.2.840.113549.1.7.1) holding
 *   SafeContents in an OCTET STRING, or encryptedData (…7.6): EncryptedData ::= SEQUENCE { version,
 *   EncryptedContentInfo ::= SEQUENCE { contentType, contentEncryptionAlgorithm, encryptedContent [0] IMPLICIT OCTET STRING } }
 * Public-key integrity (signedData) and privacy (envelopedData) modes are not supported.
 *
 * Errors: a wrong password is WRONG_PIN and nothing more; a file that is not PKCS #12 or is broken
 * is PFX_MALFORMED; an algorithm we lack is UNSUPPORTED_ALGORITHM. Nothing else escapes.
 */
export const MAX_PFX_BYTES = 1024 * 1024

export interface PfxContents {
  keys: PfxKey[]
  certificates: PfxCertificate[]
  /** how the file's integrity was checked: a classic HMAC, PBMAC1, or not at all (no MacData) */
  integrity: 'hmac' | 'pbmac1' | 'none'
  /** the first key's PKCS #8, for the common file with one key; undefined for a truststore */
  privateKey?: Uint8Array
}

/** The SafeContents of one ContentInfo, with the buffer its node's offsets refer to. */
async function contentInfoSafeContents(der: Uint8Array, info: BerNode, decryption: Decryption): Promise<{ bytes: Uint8Array; node: BerNode } | undefined> {
  const [typeNode, content] = childrenWithTag(info, 'ContentInfo')
  const type = decodeOid(der, typeNode)
  if (type === P12.data) {
    const bytes = octetsOf(der, explicitContent(content, 0, 'data'), 'data')
    return { bytes, node: parseBer(bytes) }
  }
  if (type !== P12.encryptedData) throw pkiError('UNSUPPORTED_ALGORITHM', `content type ${type}`)
  const [, encryptedContentInfo] = childrenWithTag(explicitContent(content, 0, 'encryptedData'), 'EncryptedData')
  const [, algorithmNode, encrypted] = childrenWithTag(encryptedContentInfo, 'EncryptedContentInfo')
  if (!encrypted) return undefined // no content: nothing to read
  if (encrypted.tag !== 0x80 && encrypted.tag !== 0xa0) throw pkiError('PFX_MALFORMED', 'encryptedContent tag')
  return decryptToNode(der, algorithmNode, octetsOf(der, encrypted, 'encryptedContent'), decryption)
}

async function read(der: Uint8Array, password: string): Promise<PfxContents> {
  const [versionNode, authSafe, macData, extra] = childrenWithTag(parseBer(der), 'PFX')
  if (extra || smallInteger(der, versionNode) !== 3) throw pkiError('PFX_MALFORMED', 'not a v3 PFX')
  const [typeNode, content] = childrenWithTag(authSafe, 'authSafe')
  const type = decodeOid(der, typeNode)
  if (type !== P12.data) throw pkiError('UNSUPPORTED_ALGORITHM', `authSafe content type ${type}`)
  const authSafeBytes = octetsOf(der, explicitContent(content, 0, 'authSafe'), 'authSafe')
  const decryption: Decryption = { password, bmps: bmpCandidates(password), macVerified: false }
  let integrity: PfxContents['integrity'] = 'none'
  if (macData) {
    decryption.bmps = [await verifyMac(der, macData, authSafeBytes, password)]
    decryption.macVerified = true
    const digestOid = decodeOid(der, childrenWithTag(childrenWithTag(childrenWithTag(macData, 'MacData')[0], 'DigestInfo')[0], 'digestAlgorithm')[0])
    integrity = digestOid === P12.pbmac1 ? 'pbmac1' : 'hmac'
  }
  const out = { keys: [] as PfxKey[], certificates: [] as PfxCertificate[] }
  for (const info of childrenWithTag(parseBer(authSafeBytes), 'AuthenticatedSafe')) {
    const safeContents = await contentInfoSafeContents(authSafeBytes, info, decryption)
    if (safeContents) await readSafeContents(safeContents.bytes, safeContents.node, decryption, out)
  }
  return { ...out, integrity, privateKey: out.keys[0]?.pkcs8 }
}

/**
 * Opens a PKCS #12 file: every key (PKCS #8 DER) and certificate (DER), with their localKeyId and
 * friendlyName. Keys are returned as bytes so the caller chooses how to import them (a card
 * imports them non-extractable; see ../card).
 */
export async function readPfx(der: Uint8Array, password: string): Promise<PfxContents> {
  if (der.length === 0 || der.length > MAX_PFX_BYTES) throw pkiError('PFX_MALFORMED', `${der.length} bytes`)
  try {
    return await read(der, password)
  } catch (error) {
    if (error instanceof PkiError && error.code !== 'MALFORMED') throw error
    throw pkiError('PFX_MALFORMED', error instanceof Error ? error.message : 'unreadable', { cause: error })
  }
}
