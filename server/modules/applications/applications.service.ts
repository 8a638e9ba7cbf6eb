import type { z } from 'zod'
import { dc02Request, dc02Shape, type Application, type ApplicationPage, type applicationListQuery, type draftRequest, type prepareRequest } from '../../../core/contracts/applications'
import type { SessionUser } from '../../../core/contracts/auth'
import { AppError } from '../../../core/errors'
import { taipeiDate } from '../../../core/tw'
import { assertTransition } from '../../../core/workflow/application'
import { formatApplicationNo } from '../../../core/workflow/application-number'
import { inTransaction, type Db } from '../../../db/client'
import { recordAudit, type AuditContext } from '../../lib/audit'
import { reviewSlaDays, reviewSlaDaysOf } from '../../lib/settings'
import { customsOfficeCodes } from '../../../core/contracts/offices'
import { decodeCursor, encodeCursor, pageOf, SORT_LIMIT } from '../../lib/paging'
import { containsPattern, officeScope } from '../../lib/sql'
import { validationError } from '../../lib/validate'
import { countApplications, firmsNamedLike, listApplications, receivedKeyOf, type ApplicationFilter } from './applications.list'
import { findApplication, insertApplication, insertEvent, latestContactEmail, nextSequence, updateApplicationAt, type ApplicationRow, type NewApplicationRow } from './applications.repo'
import { toApplication, toSummary } from './applications.view'

type DraftData = z.output<typeof draftRequest>

/** An application the user may see: other offices' applications do not exist for office staff. */
export function scopedApplication(db: Db, user: SessionUser, id: number): ApplicationRow {
  const row = findApplication(db, id)
  const scope = officeScope(user.officeCode)
  if (!row || (scope && row.officeCode !== scope)) throw new AppError('NOT_FOUND')
  return row
}

/** The contact e-mail of the firm's latest application (any office), for notices to a firm with no portal account. */
export function latestContactEmailOf(db: Db, ubn: string): string | null {
  return latestContactEmail(db, ubn)
}

/** The summary an audit row keeps of an application. */
export const auditSummary = (r: ApplicationRow) => ({ applicationNo: r.applicationNo, status: r.status, service: r.service, kind: r.kind, ubn: r.ubn, brokerCode: r.brokerCode })

/** Draft columns: what the clerk has typed so far; text the form lacks is stored empty until submit. */
function draftColumns(input: DraftData): Partial<NewApplicationRow> {
  const out: Partial<NewApplicationRow> = {}
  for (const [key, value] of Object.entries(input)) if (value !== undefined) (out as Record<string, unknown>)[key] = value === null ? null : value
  return out
}

export function createDraft(opts: { db: Db; user: SessionUser; input: DraftData; ctx: AuditContext }): Application {
  const { db, user, input, ctx } = opts
  const scope = officeScope(user.officeCode)
  const officeCode = input.officeCode ?? scope
  if (!officeCode) throw new AppError('VALIDATION_FAILED', { fieldErrors: { officeCode: 'required' } })
  if (scope && officeCode !== scope) throw new AppError('VALIDATION_FAILED', { fieldErrors: { officeCode: 'unknownOffice' } })
  const now = ctx.now.toISOString()
  const rocYear = Number(taipeiDate(ctx.now).slice(0, 4)) - 1911
  const row = inTransaction(db, (tx) => {
    const id = insertApplication(tx, {
      applicationNo: formatApplicationNo(officeCode, rocYear, nextSequence(tx, officeCode, rocYear)),
      // '' = not chosen yet: submit reports these as missing rather than taking a default.
      channel: 'paper', service: '' as 'new', status: 'draft', officeCode, ubn: '', companyName: '', contactName: '', contactPhone: '', contactMobile: '', contactEmail: '',
      businessType: '', kind: '' as 'corporate', boxNo: '', privacyConsent: false, keyedBy: user.id, createdAt: now, updatedAt: now,
      ...draftColumns(input),
    })
    const created = findApplication(tx, id)!
    insertEvent(tx, { applicationId: id, at: now, actorId: user.id, actorName: user.displayName, action: 'created', toStatus: 'draft' })
    recordAudit(tx, ctx, { action: 'application.draft_created', entity: 'application', entityId: created.applicationNo, after: auditSummary(created) })
    return created
  })
  return toApplication(db, row, user, ctx.now)
}

export function updateDraft(opts: { db: Db; user: SessionUser; id: number; input: DraftData; version: number; ctx: AuditContext }): Application {
  const { db, user, ctx } = opts
  const row = inTransaction(db, (tx) => {
    const before = scopedApplication(tx, user, opts.id)
    if (before.status !== 'draft') throw new AppError('CONFLICT', { message: { 'zh-TW': '已送出的申請不能再修改', en: 'A submitted application can no longer be edited' } })
    const scope = officeScope(user.officeCode)
    if (scope && opts.input.officeCode && opts.input.officeCode !== scope) throw new AppError('VALIDATION_FAILED', { fieldErrors: { officeCode: 'unknownOffice' } })
    if (!updateApplicationAt(tx, before.id, opts.version, { ...draftColumns(opts.input), updatedAt: ctx.now.toISOString() })) throw new AppError('VERSION_CONFLICT')
    const after = findApplication(tx, before.id)!
    recordAudit(tx, ctx, { action: 'application.draft_updated', entity: 'application', entityId: after.applicationNo, before: auditSummary(before), after: auditSummary(after) })
    return after
  })
  return toApplication(db, row, user, ctx.now)
}

/** Checks the whole DC02 form of a draft, and receives it (00): the clock of the review starts. */
export function submitApplication(opts: { db: Db; user: SessionUser; id: number; version: number; ctx: AuditContext }): Application {
  const { db, user, ctx } = opts
  const row = inTransaction(db, (tx) => {
    const before = scopedApplication(tx, user, opts.id)
    const to = assertTransition('submit', before.status)
    // Empty text in a draft means "not typed yet": submit reports it as missing.
    const raw = Object.fromEntries(Object.keys(dc02Shape).map((k) => [k, (before as Record<string, unknown>)[k] === '' ? undefined : (before as Record<string, unknown>)[k]]))
    const parsed = dc02Request.safeParse(raw)
    if (!parsed.success) throw validationError(parsed.error, raw)
    const at = ctx.now.toISOString()
    if (!updateApplicationAt(tx, before.id, opts.version, { ...parsed.data, status: to, submittedAt: at, updatedAt: at })) throw new AppError('VERSION_CONFLICT')
    const after = findApplication(tx, before.id)!
    insertEvent(tx, { applicationId: after.id, at, actorId: user.id, actorName: user.displayName, action: 'submitted', fromStatus: before.status, toStatus: to })
    recordAudit(tx, ctx, { action: 'application.submitted', entity: 'application', entityId: after.applicationNo, before: auditSummary(before), after: auditSummary(after) })
    return after
  })
  return toApplication(db, row, user, ctx.now)
}

export function getApplication(opts: { db: Db; user: SessionUser; id: number; now: Date }): Application {
  return toApplication(opts.db, scopedApplication(opts.db, opts.user, opts.id), opts.user, opts.now)
}

export const taipeiMidnight = (date: string, plusDays = 0) => new Date(Date.parse(`${date}T00:00:00+08:00`) + plusDays * 86_400_000).toISOString()

type ListFilters = Omit<z.output<typeof applicationListQuery>, 'cursor' | 'limit'>

/** The list's filters as the repo takes them, scoped to the user's office; the export uses the same. */
export function applicationFilter(opts: { user: SessionUser; query: ListFilters; sla: Record<string, number>; now: Date }): Omit<ApplicationFilter, 'limit'> {
  const { query, sla, now } = opts
  return {
    ...query,
    scope: officeScope(opts.user.officeCode),
    submittedFrom: query.from ? taipeiMidnight(query.from) : undefined,
    submittedBefore: query.to ? taipeiMidnight(query.to, 1) : undefined,
    overdueBefore: query.overdue ? Object.fromEntries(customsOfficeCodes.map((o) => [o, new Date(now.getTime() - (sla[o]! + 1) * 86_400_000).toISOString()])) : undefined,
  }
}

/**
 * The firms (UBNs) whose applications carried a company name containing `text`, for another list's search of
 * a payer's name; null when more than `max` firms match (a broad search, better tested row by row).
 */
export function firmsWithNameContaining(db: Db, text: string, max: number): string[] | null {
  return firmsNamedLike(db, containsPattern(text), max)
}

export const slaByOffice = (db: Db): Record<string, number> => reviewSlaDaysOf(db, customsOfficeCodes)

export function searchApplications(opts: { db: Db; user: SessionUser; query: z.output<typeof applicationListQuery>; now: Date }): ApplicationPage {
  const { db, query, now } = opts
  const sla = slaByOffice(db)
  const filter = applicationFilter({ user: opts.user, query, sla, now })
  const total = query.cursor ? undefined : countApplications(db, filter)
  const rows = listApplications(db, { ...filter, manyMatches: total && total.count >= SORT_LIMIT, after: decodeCursor(query.cursor), limit: query.limit + 1 })
  const page = pageOf(rows, query.limit, (last) => encodeCursor(query.sort === 'applicationNo' ? last.applicationNo : receivedKeyOf(last), last.id))
  return {
    items: page.items.map((r) => toSummary(r, sla[r.officeCode] ?? reviewSlaDays(db, r.officeCode), now)),
    nextCursor: page.nextCursor,
    ...(total ? { total } : {}),
  }
}

/** The clerk's preparation: notes, and the record checks marked as reviewed. */
export function prepareApplication(opts: { db: Db; user: SessionUser; id: number; input: z.output<typeof prepareRequest>; ctx: AuditContext }): Application {
  const { db, user, ctx } = opts
  const row = inTransaction(db, (tx) => {
    const before = scopedApplication(tx, user, opts.id)
    if (before.status !== '00') throw new AppError('CONFLICT', { message: { 'zh-TW': '只有待審核的申請可以準備審核', en: 'Only applications awaiting review can be prepared' } })
    const at = ctx.now.toISOString()
    if (!updateApplicationAt(tx, before.id, opts.input.version, { preparedBy: user.id, preparedAt: at, prepareNotes: opts.input.notes || null, updatedAt: at })) throw new AppError('VERSION_CONFLICT')
    insertEvent(tx, { applicationId: before.id, at, actorId: user.id, actorName: user.displayName, action: 'prepared', note: opts.input.notes || null })
    recordAudit(tx, ctx, { action: 'application.prepared', entity: 'application', entityId: before.applicationNo, after: { notes: opts.input.notes } })
    return findApplication(tx, before.id)!
  })
  return toApplication(db, row, user, ctx.now)
}

