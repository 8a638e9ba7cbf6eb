import { createHash, randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { AttachmentInfo } from '../../../core/contracts/applications'
import type { SessionUser } from '../../../core/contracts/auth'
import { AppError } from '../../../core/errors'
import { inTransaction } from '../../../db/client'
import { recordAudit, type AuditContext } from '../../lib/audit'
import type { AppDeps } from '../../lib/context'
import { findAttachment, insertAttachment, insertEvent } from './applications.repo'
import { scopedApplication } from './applications.service'

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024

/** The type a file really is, from its first bytes; the name and the browser's claim are not trusted. */
export function sniffContentType(bytes: Uint8Array): 'application/pdf' | 'image/jpeg' | 'image/png' | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b)
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf'
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg'
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png'
  return null
}

/** A file name safe to store and to send back in Content-Disposition: no path, no control characters. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '_').trim().slice(0, 120)
  return cleaned || 'attachment'
}

const ext = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' } as const

/**
 * Stores a scan of the paper form outside the web root (DATA_DIR/attachments) and records it. The file is
 * written first and removed again if the record cannot be made, so neither exists without the other.
 */
export function addAttachment(opts: { deps: AppDeps; user: SessionUser; id: number; fileName: string; bytes: Uint8Array; ctx: AuditContext }): AttachmentInfo {
  const { deps, user, ctx } = opts
  if (opts.bytes.length > MAX_ATTACHMENT_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', { params: { limit: '10 MB' } })
  const contentType = sniffContentType(opts.bytes)
  if (!contentType) throw new AppError('VALIDATION_FAILED', { fieldErrors: { file: { 'zh-TW': '只接受 PDF、JPEG 或 PNG 檔案', en: 'Only PDF, JPEG or PNG files are accepted' } } })
  const app = scopedApplication(deps.db, user, opts.id)
  if (app.status !== 'draft' && app.status !== '00') throw new AppError('CONFLICT', { message: { 'zh-TW': '已決行的申請不能再加附件', en: 'A decided application takes no more attachments' } })
  const storageKey = path.join(ctx.now.toISOString().slice(0, 7), `${randomBytes(16).toString('hex')}.${ext[contentType]}`)
  const file = path.resolve(deps.env.DATA_DIR, 'attachments', storageKey)
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, opts.bytes, { flag: 'wx' })
  try {
    return inTransaction(deps.db, (tx) => {
      const at = ctx.now.toISOString()
      const fileName = safeFileName(opts.fileName)
      const id = insertAttachment(tx, { applicationId: app.id, fileName, contentType, size: opts.bytes.length, sha256: createHash('sha256').update(opts.bytes).digest('hex'), storageKey, uploadedBy: user.id, uploadedAt: at })
      insertEvent(tx, { applicationId: app.id, at, actorId: user.id, actorName: user.displayName, action: 'attached', note: fileName })
      recordAudit(tx, ctx, { action: 'application.attachment_added', entity: 'application', entityId: app.applicationNo, after: { fileName, contentType, size: opts.bytes.length } })
      return { id, fileName, contentType, size: opts.bytes.length, uploadedAt: at }
    })
  } catch (err) {
    rmSync(file, { force: true })
    throw err
  }
}

export function readAttachment(opts: { deps: AppDeps; user: SessionUser; id: number; attachmentId: number }) {
  const app = scopedApplication(opts.deps.db, opts.user, opts.id)
  const row = findAttachment(opts.deps.db, app.id, opts.attachmentId)
  if (!row) throw new AppError('NOT_FOUND')
  return { ...row, bytes: readFileSync(path.resolve(opts.deps.env.DATA_DIR, 'attachments', row.storageKey)) }
}
