import { createHash, randomInt } from 'node:crypto'
import type { SessionUser } from '../../../core/contracts/auth'
import { BINDING_CODE_DAYS, type BindCardRequest, type BindingCardKind, type BindingListQuery, type BindingPage, type BindingRequestInfo } from '../../../core/contracts/bindings'
import type { PortalUser } from '../../../core/contracts/portal'
import { AppError } from '../../../core/errors'
import type { CertificateInfo } from '../../../core/pki'
import { inTransaction } from '../../../db/client'
import { recordAudit, type AuditContext } from '../../lib/audit'
import { decodeIdCursor, pageOf } from '../../lib/paging'
import type { AppDeps } from '../../lib/context'
import { queueMail } from '../../lib/mail/outbox'
import { hitRateLimit } from '../../lib/rate-limit'
import { safeEqual } from '../../lib/sessions'
import { readScan, storeScan } from '../../lib/scan-store'
import { checkScan, safeFileName } from '../../lib/uploads'
import { verifyCardResponse } from '../card-login/card-login.service'
import { addLoginCard, cardIsBound } from '../portal-accounts/portal-accounts.service'
import { countBindings, findBinding, findIssuedBindingOf, hasOpenBinding, insertBinding, listBindings, toBindingInfo, updateBinding, type BindingRow } from './bindings.repo'

/** No 0/O, 1/I/L: a code read off a mail and typed by hand. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
const hashCode = (code: string) => createHash('sha256').update(`certdesk-binding:${code}`).digest('hex')
const newCode = () => Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('')

const changed = () => new AppError('VERSION_CONFLICT')

/** Step 1 (portal): the holder uploads the sealed account form and names the card kind to be bound. */
export async function submitBinding(opts: { deps: AppDeps; user: PortalUser; cardKind: BindingCardKind; fileName: string; bytes: Uint8Array; ctx: AuditContext }): Promise<BindingRequestInfo> {
  const { deps, user, ctx } = opts
  const contentType = await checkScan(opts.bytes)
  if (user.category === 'company' && opts.cardKind !== 'moeaca') throw new AppError('VALIDATION_FAILED', { fieldErrors: { cardKind: { 'zh-TW': '企業帳號請綁定工商憑證', en: 'A company account binds a business certificate card' } } })
  if (user.category === 'individual' && opts.cardKind !== 'moica') throw new AppError('VALIDATION_FAILED', { fieldErrors: { cardKind: { 'zh-TW': '個人帳號請綁定自然人憑證', en: 'An individual account binds a citizen certificate card' } } })
  if (hasOpenBinding(deps.db, user.id, ctx.now)) throw new AppError('CONFLICT', { message: { 'zh-TW': '您已有處理中的綁定申請', en: 'You already have a binding request in progress' } })
  // formPath is the scan's storage key (a path under DATA_DIR/attachments, or db:… in the database store)
  return storeScan(deps, { bytes: opts.bytes, contentType, now: ctx.now }, (tx, formPath) => {
    const formName = safeFileName(opts.fileName)
    const id = insertBinding(tx, { accountRef: user.id, status: 'submitted', cardKind: opts.cardKind, formPath, formName, formMime: contentType, formSize: opts.bytes.length, createdAt: ctx.now.toISOString() })
    recordAudit(tx, ctx, { action: 'binding.submitted', entity: 'binding_request', entityId: id, after: { accountId: user.accountId, cardKind: opts.cardKind, formName } })
    return toBindingInfo(findBinding(tx, id)!)
  })
}

export function listBindingRequests(opts: { deps: AppDeps; query: BindingListQuery; accountRef?: number }): BindingPage {
  const { deps, query, accountRef } = opts
  const rows = listBindings(deps.db, { status: query.status, accountRef, beforeId: decodeIdCursor(query.cursor), limit: query.limit + 1 })
  const page = pageOf(rows, query.limit, (last) => String(last.id))
  return { ...page, ...(query.cursor ? {} : { total: countBindings(deps.db, { status: query.status, accountRef }) }) }
}

export function readBindingForm(opts: { deps: AppDeps; id: number }): { name: string; mime: string; bytes: Buffer } {
  const row = findBinding(opts.deps.db, opts.id)
  if (!row) throw new AppError('NOT_FOUND')
  return { name: row.formName, mime: row.formMime, bytes: readScan(opts.deps, row.formPath) }
}

function openRequest(deps: AppDeps, id: number, version: number): BindingRow {
  const row = findBinding(deps.db, id)
  if (!row) throw new AppError('NOT_FOUND')
  if (row.version !== version) throw changed()
  if (row.status !== 'submitted') throw new AppError('CONFLICT', { message: { 'zh-TW': '此申請已處理', en: 'This request has already been handled' } })
  return row
}

/** Step 2 (console): the clerk accepts the form; a one-time code (kept only as a hash) is mailed, valid 7 days. */
export function confirmBinding(opts: { deps: AppDeps; user: SessionUser; id: number; version: number; ctx: AuditContext }): BindingRequestInfo {
  const { deps, user, ctx } = opts
  const row = openRequest(deps, opts.id, opts.version)
  const code = newCode()
  const expiresAt = new Date(ctx.now.getTime() + BINDING_CODE_DAYS * 86_400_000).toISOString()
  return inTransaction(deps.db, (tx) => {
    if (!updateBinding(tx, row.id, row.version, { status: 'code-issued', codeHash: hashCode(code), codeExpiresAt: expiresAt, decidedBy: user.id, decidedAt: ctx.now.toISOString() })) throw changed()
    queueMail(tx, { to: row.email, template: 'binding-code', data: { ubn: row.ubn ?? row.accountId, companyName: row.companyName ?? row.contactName, code: `${code.slice(0, 4)}-${code.slice(4)}`, expiresAt, portalUrl: deps.env.publicUrl }, now: ctx.now })
    recordAudit(tx, ctx, { action: 'binding.code_issued', entity: 'binding_request', entityId: row.id, before: { status: row.status }, after: { status: 'code-issued', accountId: row.accountId, codeExpiresAt: expiresAt } })
    return toBindingInfo(findBinding(tx, row.id)!)
  })
}

export function rejectBinding(opts: { deps: AppDeps; user: SessionUser; id: number; version: number; reason: string; ctx: AuditContext }): BindingRequestInfo {
  const { deps, user, ctx } = opts
  const row = openRequest(deps, opts.id, opts.version)
  return inTransaction(deps.db, (tx) => {
    if (!updateBinding(tx, row.id, row.version, { status: 'rejected', rejectReason: opts.reason, decidedBy: user.id, decidedAt: ctx.now.toISOString() })) throw changed()
    recordAudit(tx, ctx, { action: 'binding.rejected', entity: 'binding_request', entityId: row.id, before: { status: row.status }, after: { status: 'rejected', reason: opts.reason } })
    return toBindingInfo(findBinding(tx, row.id)!)
  })
}

const codeError = () => new AppError('VALIDATION_FAILED', { fieldErrors: { code: { 'zh-TW': '驗證碼錯誤、已使用或已逾期', en: 'The code is wrong, already used or expired' } } })

function assertSameHolder(row: BindingRow, info: CertificateInfo): void {
  const matches = row.category === 'company' ? info.identity.ubn === row.ubn : !!info.identity.idLast4 && !!row.idNumber?.toUpperCase().endsWith(info.identity.idLast4.toUpperCase()) && info.identity.name === row.contactName
  if (!matches) throw new AppError('IDENTITY_MISMATCH', { message: { 'zh-TW': '此憑證不屬於該帳號', en: 'This card does not belong to the account' } })
}

/** Step 3 (portal, public): account id + code + the card's answer; the card is bound and the code is spent. */
export async function bindCard(opts: { deps: AppDeps; body: Omit<BindCardRequest, 'code'> & { code: string }; ctx: AuditContext }): Promise<{ accountId: string }> {
  const { deps, body, ctx } = opts
  const rate = hitRateLimit(deps.db, `binding:${ctx.ip ?? 'unknown'}`, 10, 60, ctx.now)
  if (!rate.allowed) throw new AppError('RATE_LIMITED', { params: { retryAfterSeconds: rate.retryAfterSeconds } })
  const row = findIssuedBindingOf(deps.db, body.accountId)
  if (!row?.codeHash || !row.codeExpiresAt || Date.parse(row.codeExpiresAt) <= ctx.now.getTime() || !safeEqual(row.codeHash, hashCode(body.code))) throw codeError()
  const info = await verifyCardResponse({ deps, nonce: body.nonce, response: { certificate: body.certificate, signature: body.signature }, ctx })
  if (info.kind !== row.cardKind) throw new AppError('WRONG_CARD', { message: row.cardKind === 'moeaca' ? { 'zh-TW': '請使用工商憑證', en: 'Use the business certificate card' } : { 'zh-TW': '請使用自然人憑證', en: 'Use the citizen certificate card' } })
  assertSameHolder(row, info)
  if (cardIsBound(deps.db, info.sha256Fingerprint)) throw new AppError('CONFLICT', { message: { 'zh-TW': '此憑證已綁定帳號', en: 'This card is already bound to an account' } })
  const at = ctx.now.toISOString()
  return inTransaction(deps.db, (tx) => {
    // the version check spends the code exactly once, even when two binds race
    if (!updateBinding(tx, row.id, row.version, { status: 'bound', boundAt: at, codeHash: null })) throw codeError()
    addLoginCard(tx, { accountRef: row.accountRef, kind: row.cardKind, info, via: 'binding', at })
    recordAudit(tx, { ...ctx, actor: { id: null, name: `portal:${row.accountId}`, officeCode: null, roles: [] } }, { action: 'binding.bound', entity: 'binding_request', entityId: row.id, after: { card: info.serialHex } })
    return { accountId: row.accountId }
  })
}
