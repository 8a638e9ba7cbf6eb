import { createInflate, crc32 } from 'node:zlib'
import type { LocalizedText } from '../../core/i18n'

/**
 * Scanned forms are decoded by the staff's browsers, so an image is checked before it is kept: its header must
 * state a size a scan can have, and a PNG's compressed data must not expand beyond that size. A paper form
 * scanned at 600 dpi is about 5,000 × 7,000 pixels (A4) and 7,000 × 10,000 (A3).
 */
export const MAX_IMAGE_SIDE = 20_000
export const MAX_IMAGE_PIXELS = 80_000_000

const damaged: LocalizedText = { 'zh-TW': '圖檔已損毀或不是有效的 PNG／JPEG 檔', en: 'The image is damaged or not a valid PNG or JPEG file' }
const bomb: LocalizedText = {
  'zh-TW': '圖檔的壓縮資料解開後超過其宣告的尺寸（疑似壓縮炸彈），不予接受',
  en: "The image's compressed data expands beyond the size it declares (a decompression bomb); it is not accepted",
}
const tooBig = (width: number, height: number): LocalizedText => ({
  'zh-TW': `圖檔尺寸過大（${width} × ${height} 像素；每邊最多 ${MAX_IMAGE_SIDE} 像素、總計最多 ${MAX_IMAGE_PIXELS / 1_000_000} 百萬像素）`,
  en: `The image is too large (${width} × ${height} pixels; at most ${MAX_IMAGE_SIDE} pixels a side and ${MAX_IMAGE_PIXELS / 1_000_000} megapixels)`,
})

function sizeProblem(width: number, height: number): LocalizedText | null {
  if (width < 1 || height < 1) return damaged
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS) return tooBig(width, height)
  return null
}

const u32 = (b: Uint8Array, at: number) => ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0
const u16 = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!

/** Channels per PNG colour type (0 grey, 2 RGB, 3 palette, 4 grey + alpha, 6 RGBA) and the bit depths each allows. */
const PNG_COLOUR: Record<number, { channels: number; depths: number[] }> = {
  0: { channels: 1, depths: [1, 2, 4, 8, 16] },
  2: { channels: 3, depths: [8, 16] },
  3: { channels: 1, depths: [1, 2, 4, 8] },
  4: { channels: 2, depths: [8, 16] },
  6: { channels: 4, depths: [8, 16] },
}
const ADAM7 = [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]] as const

/** The bytes the image data inflates to: one filter byte per row, and the rows of every Adam7 pass if interlaced. */
function pngRawSize(width: number, height: number, bitsPerPixel: number, interlaced: boolean): number {
  const rows = (w: number, h: number) => (w === 0 || h === 0 ? 0 : h * (1 + Math.ceil((w * bitsPerPixel) / 8)))
  if (!interlaced) return rows(width, height)
  return ADAM7.reduce((sum, [x0, y0, dx, dy]) => sum + rows(Math.ceil(Math.max(0, width - x0) / dx), Math.ceil(Math.max(0, height - y0) / dy)), 0)
}

/** Inflates `data` as a stream, counting: 'over' as soon as it exceeds `limit` (nothing is kept), 'bad' if it is not zlib. */
function inflatedSize(data: Uint8Array, limit: number): Promise<number | 'over' | 'bad'> {
  return new Promise((resolve) => {
    const inflate = createInflate()
    let size = 0
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        inflate.destroy()
        resolve('over')
      }
    })
    inflate.on('end', () => resolve(size))
    inflate.on('error', () => resolve('bad'))
    inflate.end(data)
  })
}

/** PNG: chunks with valid CRCs, IHDR first, a size a scan can have, IDAT that inflates to no more than it, nothing after IEND. */
async function pngProblem(b: Uint8Array): Promise<LocalizedText | null> {
  let at = 8
  const idat: Uint8Array[] = []
  let header: { width: number; height: number; bitsPerPixel: number; interlaced: boolean } | null = null
  for (;;) {
    if (at + 12 > b.length) return damaged
    const length = u32(b, at)
    const type = String.fromCharCode(...b.subarray(at + 4, at + 8))
    const end = at + 12 + length
    if (length > 0x7fffffff || end > b.length) return damaged
    if (crc32(b.subarray(at + 4, at + 8 + length)) !== u32(b, at + 8 + length)) return damaged
    const data = b.subarray(at + 8, at + 8 + length)
    if (!header) {
      if (type !== 'IHDR' || length !== 13) return damaged
      const [depth, colour, compression, filter, interlace] = data.subarray(8, 13)
      const kind = PNG_COLOUR[colour!]
      if (!kind || !kind.depths.includes(depth!) || compression !== 0 || filter !== 0 || interlace! > 1) return damaged
      header = { width: u32(data, 0), height: u32(data, 4), bitsPerPixel: kind.channels * depth!, interlaced: interlace === 1 }
      const size = sizeProblem(header.width, header.height)
      if (size) return size
    } else if (type === 'IDAT') idat.push(data)
    else if (type === 'IEND') {
      if (end !== b.length || idat.length === 0) return damaged
      break
    }
    at = end
  }
  const inflated = await inflatedSize(Buffer.concat(idat), pngRawSize(header.width, header.height, header.bitsPerPixel, header.interlaced))
  if (inflated === 'bad') return damaged
  if (inflated === 'over') return bomb
  return null
}

/** Start-of-frame markers (baseline, progressive, lossless, arithmetic): C0–CF but DHT C4, JPG C8 and DAC CC. */
const isStartOfFrame = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc

/** JPEG: the segments up to the first frame header, whose size must be one a scan can have. */
function jpegProblem(b: Uint8Array): LocalizedText | null {
  let at = 2
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return damaged
    const marker = b[at + 1]!
    if (marker === 0xff) {
      at++ // fill byte
      continue
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2 // markers without a length
      continue
    }
    if (marker === 0xda || marker === 0xd9) return damaged // image data or the end before any frame header
    const length = u16(b, at + 2)
    if (length < 2) return damaged
    if (isStartOfFrame(marker)) {
      if (length < 8 || at + 9 > b.length) return damaged
      // height 0 defers the height to a DNL marker after the first scan: not in a scan we accept
      return sizeProblem(u16(b, at + 7), u16(b, at + 5))
    }
    at += 2 + length
  }
  return damaged
}

/** What is wrong with an image scan, in both languages, or null. PDFs are not rendered here and pass. */
export async function imageProblem(bytes: Uint8Array, contentType: 'image/png' | 'image/jpeg'): Promise<LocalizedText | null> {
  return contentType === 'image/png' ? pngProblem(bytes) : jpegProblem(bytes)
}
