import { createHash } from 'node:crypto'
import type { AttachmentInfo } from '../../../core/contracts/applications'
import type { SessionUser } from '../../../core/contracts/auth'
import { AppError } from '../../../core/errors'
import { recordAudit, type AuditContext } from '../../lib/audit'
import type { AppDeps } from '../../lib/context'
import { readScan, storeScan } from '../../lib/scan-store'
import { checkScan, MAX_SCAN_BYTES, safeFileName } from '../../lib/uploads'
import { findAttachment, insertAttachment, insertEvent } from './applications.repo'
import { scopedApplication } from './applications.service'

export const MAX_ATTACHMENT_BYTES = MAX_SCAN_BYTES

/**
 * Keeps a scan of the paper form in the scan store (SCAN_STORAGE) and records it in the same step: the scan and
 * its attachment row exist together or not at all (server/lib/scan-store).
 */
export async function addAttachment(opts: { deps: AppDeps; user: SessionUser; id: number; fileName: string; bytes: Uint8Array; ctx: AuditContext }): Promise<AttachmentInfo> {
  const { deps, user, ctx } = opts
  const contentType = await checkScan(opts.bytes)
  const app = scopedApplication(deps.db, user, opts.id)
  if (app.status !== 'draft' && app.status !== '00') throw new AppError('CONFLICT', { message: { 'zh-TW': '已決行的申請不能再加附件', en: 'A decided application takes no more attachments' } })
  return storeScan(deps, { bytes: opts.bytes, contentType, now: ctx.now }, (tx, storageKey) => {
    const at = ctx.now.toISOString()
    const fileName = safeFileName(opts.fileName)
    const id = insertAttachment(tx, { applicationId: app.id, fileName, contentType, size: opts.bytes.length, sha256: createHash('sha256').update(opts.bytes).digest('hex'), storageKey, uploadedBy: user.id, uploadedAt: at })
    insertEvent(tx, { applicationId: app.id, at, actorId: user.id, actorName: user.displayName, action: 'attached', note: fileName })
    recordAudit(tx, ctx, { action: 'application.attachment_added', entity: 'application', entityId: app.applicationNo, after: { fileName, contentType, size: opts.bytes.length } })
    return { id, fileName, contentType, size: opts.bytes.length, uploadedAt: at }
  })
}

export function readAttachment(opts: { deps: AppDeps; user: SessionUser; id: number; attachmentId: number }) {
  const app = scopedApplication(opts.deps.db, opts.user, opts.id)
  const row = findAttachment(opts.deps.db, app.id, opts.attachmentId)
  if (!row) throw new AppError('NOT_FOUND')
  return { ...row, bytes: readScan(opts.deps, row.storageKey) }
}
