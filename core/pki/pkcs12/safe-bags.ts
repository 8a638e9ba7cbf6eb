import { decodeOid, toHex } from '../der-values'
import { pkiError } from '../x509-builder/pki-errors'
import { childrenWithTag, explicitContent, octetsOf, parseBer, rawOf, type BerNode } from './ber'
import { pbeDecrypt } from './pbe'
import { P12 } from './pkcs12-oids'

/**
 * SafeContents ::= SEQUENCE OF SafeBag                                  (RFC 7292 §4.2)
 * SafeBag ::= SEQUENCE { bagId OBJECT IDENTIFIER, bagValue [0] EXPLICIT ANY, bagAttributes SET OF PKCS12Attribute OPTIONAL }
 * PKCS12Attribute ::= SEQUENCE { attrId OBJECT IDENTIFIER, attrValues SET OF ANY }
 * keyBag = PrivateKeyInfo; pkcs8ShroudedKeyBag = EncryptedPrivateKeyInfo ::= SEQUENCE {
 *   encryptionAlgorithm AlgorithmIdentifier, encryptedData OCTET STRING };
 * certBag = CertBag ::= SEQUENCE { certId OID (x509Certificate 1.2.840.113549.1.9.22.1), certValue [0] EXPLICIT OCTET STRING };
 * safeContentsBag nests another SafeContents. CRL and secret bags are skipped.
 */
export interface BagInfo {
  /** hex of the localKeyId attribute, which pairs a key with its certificate */
  localKeyId?: string
  friendlyName?: string
}
export interface PfxKey extends BagInfo {
  pkcs8: Uint8Array
}
export interface PfxCertificate extends BagInfo {
  der: Uint8Array
}

/** What decrypting needs: the password, its BMP forms still in the running, and whether a MAC already vouched for it. */
export interface Decryption {
  password: string
  bmps: Uint8Array[]
  macVerified: boolean
}

const MAX_NESTING = 4

function utf16be(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i + 1 < bytes.length; i += 2) out += String.fromCharCode((bytes[i] << 8) | bytes[i + 1])
  return out
}

function bagInfo(der: Uint8Array, attributes: BerNode | undefined): BagInfo {
  const info: BagInfo = {}
  for (const attribute of attributes ? childrenWithTag(attributes, 'bagAttributes', 0x31) : []) {
    const [idNode, valuesNode] = childrenWithTag(attribute, 'PKCS12Attribute')
    const value = childrenWithTag(valuesNode, 'attrValues', 0x31)[0]
    if (!value) continue
    const id = decodeOid(der, idNode)
    if (id === P12.localKeyId) info.localKeyId = toHex(octetsOf(der, value, 'localKeyId'))
    if (id === P12.friendlyName && value.tag === 0x1e) info.friendlyName = utf16be(der.subarray(value.valueStart, value.end))
  }
  return info
}

/**
 * Decrypts and parses, trying each BMP form still in the running. Without a MAC, a wrong password
 * can pass the padding check by chance (1 in 256), so garbage that does not parse counts as a
 * wrong password too.
 */
export async function decryptToNode(der: Uint8Array, algorithmNode: BerNode, data: Uint8Array, decryption: Decryption): Promise<{ bytes: Uint8Array; node: BerNode }> {
  for (const bmp of decryption.bmps) {
    const plain = await pbeDecrypt(der, algorithmNode, data, decryption.password, bmp)
    if (!plain) continue
    try {
      const node = parseBer(plain)
      decryption.bmps = [bmp, ...decryption.bmps.filter((other) => other !== bmp)]
      return { bytes: plain, node }
    } catch (error) {
      if (decryption.macVerified) throw error
    }
  }
  throw pkiError('WRONG_PIN')
}

export async function readSafeContents(
  der: Uint8Array,
  safeContents: BerNode,
  decryption: Decryption,
  out: { keys: PfxKey[]; certificates: PfxCertificate[] },
  depth = 0,
): Promise<void> {
  if (depth > MAX_NESTING) throw pkiError('PFX_MALFORMED', 'safeContentsBag nested too deeply')
  for (const bag of childrenWithTag(safeContents, 'SafeContents')) {
    const [idNode, valueNode, attributes] = childrenWithTag(bag, 'SafeBag')
    const bagId = decodeOid(der, idNode)
    const value = explicitContent(valueNode, 0, 'bagValue')
    const info = bagInfo(der, attributes)
    if (bagId === P12.keyBag) {
      out.keys.push({ ...info, pkcs8: rawOf(der, value).slice() })
    } else if (bagId === P12.pkcs8ShroudedKeyBag) {
      const [algorithmNode, encrypted] = childrenWithTag(value, 'EncryptedPrivateKeyInfo')
      const { bytes } = await decryptToNode(der, algorithmNode, octetsOf(der, encrypted, 'encryptedData'), decryption)
      out.keys.push({ ...info, pkcs8: bytes.slice() })
    } else if (bagId === P12.certBag) {
      const [certIdNode, certValue] = childrenWithTag(value, 'CertBag')
      if (decodeOid(der, certIdNode) !== P12.x509Certificate) continue
      out.certificates.push({ ...info, der: octetsOf(der, explicitContent(certValue, 0, 'certValue'), 'certValue').slice() })
    } else if (bagId === P12.safeContentsBag) {
      await readSafeContents(der, value, decryption, out, depth + 1)
    }
  }
}
