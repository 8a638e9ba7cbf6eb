/**
 * The scanned paper form: PDF, JPEG or PNG up to 10 MB. The browser checks the file's first bytes (not
 * its name) before uploading, so a clerk learns at once; the server checks the same again.
 */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
export const attachmentAccept = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png'

export type AttachmentType = 'application/pdf' | 'image/jpeg' | 'image/png'
export type AttachmentProblem = 'empty' | 'tooLarge' | 'wrongType'

const starts = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b)

/** The type by content: `%PDF-`, JPEG's FF D8 FF, PNG's 8-byte signature; null for anything else. */
export function sniffAttachmentType(head: Uint8Array): AttachmentType | null {
  if (starts(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'
  if (starts(head, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (starts(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  return null
}

export function attachmentProblem(size: number, head: Uint8Array): AttachmentProblem | null {
  if (size === 0) return 'empty'
  if (size > ATTACHMENT_MAX_BYTES) return 'tooLarge'
  return sniffAttachmentType(head) ? null : 'wrongType'
}

/** Reads the first bytes of a picked file and says what, if anything, is wrong with it. */
export async function checkAttachmentFile(file: Blob): Promise<AttachmentProblem | null> {
  if (file.size > ATTACHMENT_MAX_BYTES) return 'tooLarge'
  return attachmentProblem(file.size, new Uint8Array(await file.slice(0, 8).arrayBuffer()))
}

/** 1.2 MB, 340 KB, 12 B: sizes as people read them. */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`
  return `${bytes} B`
}

/** PDF, JPEG, PNG: the short name of a content type for the file list. */
export function typeLabel(contentType: string): string {
  return ({ 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG' } as Record<string, string>)[contentType] ?? (contentType || '?')
}
