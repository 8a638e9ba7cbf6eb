import { concat } from '../x509-builder/der-encode'
import { pkiError } from '../x509-builder/pki-errors'

/**
 * A small BER reader (X.690 §8) for PKCS #12. Unlike certificates, PFX files may be BER: Windows
 * and NSS write indefinite lengths and constructed OCTET STRINGs (chunks). Nodes keep the field
 * names of ../der.ts's Tlv (tag, start, valueStart, end), so its value decoders (decodeOid,
 * smallInteger) work on them. Guarded against hostile input: depth and node count are bounded,
 * every step moves forward, nothing reads past its parent.
 */
export interface BerNode {
  tag: number
  start: number
  valueStart: number
  /** end of the contents (before the 00 00 of an indefinite length) */
  end: number
  /** end of the whole element, end-of-contents octets included */
  next: number
  children: BerNode[]
}

const MAX_DEPTH = 40
const MAX_NODES = 50_000

function bad(detail: string, offset: number): never {
  throw pkiError('PFX_MALFORMED', `${detail} at byte ${offset}`)
}

export function parseBer(der: Uint8Array): BerNode {
  let count = 0
  const read = (offset: number, limit: number, depth: number): BerNode => {
    if (++count > MAX_NODES || depth > MAX_DEPTH) bad('nested too deeply', offset)
    if (offset + 2 > limit) bad('element header runs past its container', offset)
    const tag = der[offset]
    if ((tag & 0x1f) === 0x1f) bad('multi-byte tag', offset)
    const constructed = (tag & 0x20) !== 0
    let length = der[offset + 1]
    let valueStart = offset + 2
    if (length === 0x80) {
      if (!constructed) bad('indefinite length on a primitive', offset)
      const children: BerNode[] = []
      let cursor = valueStart
      for (;;) {
        if (cursor + 2 > limit) bad('missing end-of-contents', cursor)
        if (der[cursor] === 0 && der[cursor + 1] === 0) break
        const child = read(cursor, limit, depth + 1)
        children.push(child)
        cursor = child.next
      }
      return { tag, start: offset, valueStart, end: cursor, next: cursor + 2, children }
    }
    if (length & 0x80) {
      const n = length & 0x7f
      if (n > 4 || valueStart + n > limit) bad('bad length', offset)
      length = 0
      for (let i = 0; i < n; i++) length = length * 256 + der[valueStart + i]
      valueStart += n
    }
    const end = valueStart + length
    if (end > limit) bad('element runs past its container', offset)
    const children: BerNode[] = []
    if (constructed) {
      for (let cursor = valueStart; cursor < end; ) {
        const child = read(cursor, end, depth + 1)
        children.push(child)
        cursor = child.next
      }
    }
    return { tag, start: offset, valueStart, end, next: end, children }
  }
  const root = read(0, der.length, 0)
  if (root.next !== der.length) bad('trailing data', root.next)
  return root
}

/** The bytes of an OCTET STRING, primitive (0x04, or an IMPLICIT [n] 0x8n) or constructed from chunks (0x24, 0xan). */
export function octetsOf(der: Uint8Array, node: BerNode | undefined, what: string): Uint8Array {
  if (!node) bad(`${what} is missing`, 0)
  if (!(node.tag & 0x20)) return der.subarray(node.valueStart, node.end)
  return concat(node.children.map((child) => octetsOf(der, child, what)))
}

/** The children of a node that must carry `tag` (SEQUENCE by default). */
export function childrenWithTag(node: BerNode | undefined, what: string, tag = 0x30): BerNode[] {
  if (!node) bad(`${what} is missing`, 0)
  if (node.tag !== tag) bad(`${what}: unexpected tag 0x${node.tag.toString(16)}`, node.start)
  return node.children
}

/** The inside of an [n] EXPLICIT wrapper. */
export function explicitContent(node: BerNode | undefined, n: number, what: string): BerNode {
  const [inner] = childrenWithTag(node, what, 0xa0 | n)
  if (!inner) bad(`${what} is empty`, node!.start)
  return inner
}

/** An element's own encoding, for primitives and definite-length elements (certificates inside bags are DER). */
export function rawOf(der: Uint8Array, node: BerNode): Uint8Array {
  return der.subarray(node.start, node.next)
}
