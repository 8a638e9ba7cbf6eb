import type { z } from 'zod'
import type { PortalApplication, PortalApplicationPage, portalApplicationListQuery } from '../../../core/contracts/applications-portal'
import type { FeeSlip } from '../../../core/contracts/fee-slips'
import type { PortalUser } from '../../../core/contracts/portal'
import { AppError } from '../../../core/errors'
import type { Db } from '../../../db/client'
import type { AuditContext } from '../../lib/audit'
import type { AppDeps } from '../../lib/context'
import { feeSlipOfApplication } from '../fee-slips/fee-slips.service'
import { receiveOnlineApplication } from './applications.online'
import { toPortalApplication, toPortalSummary } from './applications.portal-view'
import { decodeCursor, encodeCursor, pageOf } from '../../lib/paging'
import { countApplications, listApplications, receivedKeyOf } from './applications.list'
import { findApplication, type ApplicationRow } from './applications.repo'
import { taipeiMidnight } from './applications.service'

/**
 * The company's own applications. Every use case here is scoped to the session's UBN, never to one the
 * request names: another company's application answers 403 (issue 5), a paper form still being keyed does
 * not exist yet for anyone outside the office.
 */
function companyUbn(user: PortalUser): string {
  if (user.category !== 'company' || !user.ubn) throw new AppError('FORBIDDEN')
  return user.ubn
}

export function ownApplication(db: Db, user: PortalUser, id: number): ApplicationRow {
  const ubn = companyUbn(user)
  const row = findApplication(db, id)
  if (!row || row.status === 'draft') throw new AppError('NOT_FOUND')
  if (row.ubn !== ubn) throw new AppError('FORBIDDEN', { message: { 'zh-TW': '這不是貴公司的申請案件', en: 'This application belongs to another company' } })
  return row
}

export function listOwnApplications(opts: { db: Db; user: PortalUser; query: z.output<typeof portalApplicationListQuery> }): PortalApplicationPage {
  const { db, query } = opts
  const filter = {
    scope: null,
    ubn: companyUbn(opts.user),
    status: query.status,
    service: query.service,
    submittedFrom: query.from ? taipeiMidnight(query.from) : undefined,
    submittedBefore: query.to ? taipeiMidnight(query.to, 1) : undefined,
    sort: 'submittedAt',
    order: 'desc',
  } as const
  const rows = listApplications(db, { ...filter, after: decodeCursor(query.cursor), limit: query.limit + 1 })
  const page = pageOf(rows, query.limit, (last) => encodeCursor(receivedKeyOf(last), last.id))
  return {
    items: page.items.map((r) => toPortalSummary(db, r)),
    nextCursor: page.nextCursor,
    ...(query.cursor ? {} : { total: countApplications(db, filter) }),
  }
}

export function getOwnApplication(opts: { db: Db; user: PortalUser; id: number }): PortalApplication {
  return toPortalApplication(opts.db, ownApplication(opts.db, opts.user, opts.id))
}

/**
 * The online DC02 from a signed-in company: the form must name the session's company, and the online service
 * then checks that the signing card names it too (and everything else it checks for any online application).
 */
export async function submitOwnApplication(opts: { deps: AppDeps; user: PortalUser; body: { application: Record<string, unknown>; certificate: string; signature: string }; ctx: AuditContext }): Promise<PortalApplication> {
  const ubn = companyUbn(opts.user)
  const formUbn = opts.body.application.ubn
  // A missing UBN is a field error from the form's validation; a different one is someone else's application.
  if (typeof formUbn === 'string' && formUbn.trim() !== ubn) {
    throw new AppError('FORBIDDEN', { message: { 'zh-TW': '申請書之統一編號須為登入公司之統一編號', en: "The application's UBN must be that of the company signed in" } })
  }
  const received = await receiveOnlineApplication({ deps: opts.deps, application: opts.body.application, certificate: opts.body.certificate, signature: opts.body.signature, ctx: opts.ctx })
  return getOwnApplication({ db: opts.deps.db, user: opts.user, id: received.id })
}

/** The print data of the own application's fee slip (seed 002: 列印繳款單); 404 before one is issued. */
export function ownFeeSlip(opts: { db: Db; user: PortalUser; id: number }): FeeSlip {
  const app = ownApplication(opts.db, opts.user, opts.id)
  const slip = feeSlipOfApplication(opts.db, app.id)
  if (!slip) throw new AppError('NOT_FOUND', { message: { 'zh-TW': '此申請尚未開立繳款單', en: 'No fee slip has been issued for this application' } })
  return slip
}
