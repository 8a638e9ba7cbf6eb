import { withoutUnsafeCharacters } from '../../core/contracts/text'
import { AppError } from '../../core/errors'
import { imageProblem } from './image-check'

/** Scanned paper forms: the only uploads besides CSV imports. They are kept by ./scan-store (docs/decisions/0020). */
export const MAX_SCAN_BYTES = 10 * 1024 * 1024
export type ScanType = 'application/pdf' | 'image/jpeg' | 'image/png'

/** The type a file really is, from its first bytes; the name and the browser's claim are not trusted. */
export function sniffContentType(bytes: Uint8Array): ScanType | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b)
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf'
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg'
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png'
  return null
}

/**
 * The name a file is shown by (never where it is stored: that is a random key): no path, no control, bidi or
 * invisible characters (U+202E would show "gnp.exe" as "exe.png"), at most 120 characters cut between code
 * points, and not "." or "..".
 */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  const cleaned = Array.from(withoutUnsafeCharacters(base, '_').replace(/["<>|:*?]/g, '_').trim()).slice(0, 120).join('').trim()
  return cleaned === '' || /^\.+$/.test(cleaned) ? 'attachment' : cleaned
}

const refused = (text: { 'zh-TW': string; en: string }) => new AppError('VALIDATION_FAILED', { message: text, fieldErrors: { file: text } })

/**
 * Refuses what is not a scan we accept: too large, not a PDF, JPEG or PNG by its content, or an image whose
 * size or compressed data is not what a scan can be (server/lib/image-check.ts).
 */
export async function checkScan(bytes: Uint8Array): Promise<ScanType> {
  if (bytes.length > MAX_SCAN_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', { params: { limit: '10 MB' } })
  const contentType = sniffContentType(bytes)
  if (!contentType) throw new AppError('VALIDATION_FAILED', { fieldErrors: { file: { 'zh-TW': '只接受 PDF、JPEG 或 PNG 檔案', en: 'Only PDF, JPEG or PNG files are accepted' } } })
  const problem = contentType === 'application/pdf' ? null : await imageProblem(bytes, contentType)
  if (problem) throw refused(problem)
  return contentType
}
