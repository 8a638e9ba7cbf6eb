import { describe, expect, it } from 'vitest'
import { ATTACHMENT_MAX_BYTES, attachmentProblem, checkAttachmentFile, formatFileSize, sniffAttachmentType } from './attachment-check'

const bytes = (...b: number[]) => new Uint8Array(b)
const pdf = bytes(0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37)

describe('attachment checks in the browser', () => {
  it('recognises PDF, JPEG and PNG by their content', () => {
    expect(sniffAttachmentType(pdf)).toBe('application/pdf')
    expect(sniffAttachmentType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg')
    expect(sniffAttachmentType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe('image/png')
    expect(sniffAttachmentType(bytes(0x50, 0x4b, 0x03, 0x04))).toBeNull() // a .docx renamed to .pdf
  })

  it('refuses empty, oversized and other files', () => {
    expect(attachmentProblem(1000, pdf)).toBeNull()
    expect(attachmentProblem(ATTACHMENT_MAX_BYTES, pdf)).toBeNull()
    expect(attachmentProblem(ATTACHMENT_MAX_BYTES + 1, pdf)).toBe('tooLarge')
    expect(attachmentProblem(0, bytes())).toBe('empty')
    expect(attachmentProblem(10, bytes(0x47, 0x49, 0x46))).toBe('wrongType')
  })

  it('reads the head of a picked file', async () => {
    expect(await checkAttachmentFile(new Blob([pdf, 'rest of the file']))).toBeNull()
    expect(await checkAttachmentFile(new Blob(['just text, named scan.pdf']))).toBe('wrongType')
  })

  it('prints sizes for people', () => {
    expect(formatFileSize(12)).toBe('12 B')
    expect(formatFileSize(340 * 1024)).toBe('340 KB')
    expect(formatFileSize(1.25 * 1024 * 1024)).toBe('1.3 MB')
  })
})
