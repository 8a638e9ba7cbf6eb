import { constants, crc32, deflateRawSync, deflateSync } from 'node:zlib'

/**
 * Hostile files for the upload tests, built at test time: images that lie about their size, decompression
 * bombs, hand-written multipart bodies (whose file names a browser would never send).
 */

/** A multipart/form-data body written byte by byte: the file name goes out exactly as given, NUL and all. */
export function multipart(parts: { name: string; filename?: string; type?: string; data: Uint8Array | string }[]): { body: Uint8Array<ArrayBuffer>; contentType: string } {
  const boundary = '----certdesk-attack-7d1c'
  const chunks: Buffer[] = []
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename === undefined ? '' : `; filename="${p.filename}"`}`
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`, 'utf8'), Buffer.from(p.data), Buffer.from('\r\n'))
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`))
  return { body: new Uint8Array(Buffer.concat(chunks)), contentType: `multipart/form-data; boundary=${boundary}` }
}

const be32 = (n: number) => {
  const b = Buffer.alloc(4)
  b.writeUInt32BE(n >>> 0)
  return b
}
const pngChunk = (type: string, data: Uint8Array) => Buffer.concat([be32(data.length), Buffer.from(type, 'latin1'), data, be32(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])))])

/** A PNG with the header it is told to have and the compressed image data it is given (a zlib stream). */
export function png(opts: { width: number; height: number; colour?: number; depth?: number; interlace?: number; zlib: Uint8Array; after?: Uint8Array }): Uint8Array {
  const ihdr = Buffer.concat([be32(opts.width), be32(opts.height), Buffer.from([opts.depth ?? 8, opts.colour ?? 0, 0, 0, opts.interlace ?? 0])])
  return new Uint8Array(Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), pngChunk('IHDR', ihdr), pngChunk('IDAT', opts.zlib), pngChunk('IEND', new Uint8Array(0)), opts.after ?? new Uint8Array(0)]))
}

/** A real, decodable greyscale PNG of that size (all black). */
export const realPng = (width: number, height: number) => png({ width, height, zlib: deflateSync(Buffer.alloc(height * (1 + width)), { level: 9 }) })

const MIB64 = 64 * 1024 * 1024
let zerosBlock: Buffer | null = null
/** 64 MiB of zeros as self-contained, byte-aligned raw deflate blocks (~65 KB): repeat it to inflate to any size. */
function zerosDeflateBlock(): Buffer {
  zerosBlock ??= deflateRawSync(Buffer.alloc(MIB64), { level: 9, finishFlush: constants.Z_FULL_FLUSH })
  return zerosBlock
}

/** A zlib stream (PNG's IDAT) that inflates to `blocks` × 64 MiB of zeros, with the right Adler-32. */
export function zlibBomb(blocks: number): Uint8Array {
  const total = blocks * MIB64
  const adler = (((total % 65521) << 16) | 1) >>> 0 // a = 1 + Σ0, b = Σa = total × 1
  const finalEmptyBlock = Buffer.from([0x03, 0x00])
  return new Uint8Array(Buffer.concat([Buffer.from([0x78, 0xda]), ...Array<Buffer>(blocks).fill(zerosDeflateBlock()), finalEmptyBlock, be32(adler)]))
}

/** A gzip body that inflates to `members` × 64 MiB of zeros: one valid gzip member, repeated (RFC 1952 allows many). */
export function gzipBomb(members: number): Uint8Array {
  const crcOfBlock = crc32(Buffer.alloc(MIB64))
  const le32 = (n: number) => {
    const b = Buffer.alloc(4)
    b.writeUInt32LE(n >>> 0)
    return b
  }
  const member = Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 0xff]), zerosDeflateBlock(), Buffer.from([0x03, 0x00]), le32(crcOfBlock), le32(MIB64)])
  return new Uint8Array(Buffer.concat(Array<Buffer>(members).fill(member)))
}

/**
 * A baseline JPEG: SOI, a quantisation table, the frame header with the size it is told, one-code Huffman tables,
 * and one 8 × 8 block of mid-grey (DC 0, end of block). At 8 × 8 it is a complete, decodable image.
 */
export function jpeg(width: number, height: number): Uint8Array {
  const seg = (marker: number, data: number[]) => [0xff, marker, (data.length + 2) >> 8, (data.length + 2) & 0xff, ...data]
  return new Uint8Array([
    0xff, 0xd8,
    ...seg(0xdb, [0x00, ...Array<number>(64).fill(1)]),
    ...seg(0xc0, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0]),
    ...seg(0xc4, [0x00, 1, ...Array<number>(15).fill(0), 0x00]),
    ...seg(0xc4, [0x10, 1, ...Array<number>(15).fill(0), 0x00]),
    ...seg(0xda, [1, 1, 0x00, 0, 63, 0]),
    0x3f, 0xff, 0xd9,
  ])
}

export const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')
