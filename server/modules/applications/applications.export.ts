import { Hono } from 'hono'
import type { z } from 'zod'
import { applicationListQuery, kindNames, serviceNames, type ApplicationSummary } from '../../../core/contracts/applications'
import type { SessionUser } from '../../../core/contracts/auth'
import { applicationStatusNames } from '../../../core/workflow/application-status'
import type { Db } from '../../../db/client'
import { allow } from '../../lib/auth'
import { currentUser, type AppEnv } from '../../lib/context'
import { defineColumns, pickColumns } from '../../lib/export/columns'
import { exportResponse, type ExportJob } from '../../lib/export/export-response'
import { exportQuery, filtersOf } from '../../lib/export/export-query'
import { iterateSelect, mapRows } from '../../lib/export/read'
import { valid } from '../../lib/validate'
import { applicationsQuery } from './applications.list'
import { applicationFilter, slaByOffice } from './applications.service'
import { toSummary } from './applications.view'

const channelNames = { online: { 'zh-TW': '線上', en: 'Online' }, paper: { 'zh-TW': '紙本', en: 'Paper' } }
const yes = { 'zh-TW': '是', en: 'Yes' }

/** The queue's columns, as the review desk reads them. */
export const applicationColumns = defineColumns<ApplicationSummary>([
  { key: 'applicationNo', label: { 'zh-TW': '申請序號', en: 'Application no.' }, value: (r) => r.applicationNo },
  { key: 'status', label: { 'zh-TW': '狀態代碼', en: 'Status code' }, value: (r) => r.status },
  { key: 'statusName', label: { 'zh-TW': '狀態', en: 'Status' }, value: (r, lang) => (r.status === 'draft' ? { 'zh-TW': '草稿', en: 'Draft' } : applicationStatusNames[r.status])[lang] },
  { key: 'channel', label: { 'zh-TW': '管道', en: 'Channel' }, value: (r, lang) => channelNames[r.channel]?.[lang] ?? r.channel },
  { key: 'service', label: { 'zh-TW': '申請類別', en: 'Service' }, value: (r, lang) => serviceNames[r.service]?.[lang] ?? r.service },
  { key: 'kind', label: { 'zh-TW': '憑證種類', en: 'Kind' }, value: (r, lang) => kindNames[r.kind]?.[lang] ?? r.kind },
  { key: 'officeCode', label: { 'zh-TW': '關別', en: 'Office' }, value: (r) => r.officeCode },
  { key: 'ubn', label: { 'zh-TW': '統一編號', en: 'UBN' }, value: (r) => r.ubn },
  { key: 'companyName', label: { 'zh-TW': '公司名稱', en: 'Company' }, value: (r) => r.companyName },
  { key: 'brokerCode', label: { 'zh-TW': '專責報關人員代碼', en: 'Broker code' }, value: (r) => r.brokerCode },
  { key: 'submittedAt', label: { 'zh-TW': '收件時間', en: 'Received' }, kind: 'instant', value: (r) => r.submittedAt },
  { key: 'ageDays', label: { 'zh-TW': '等待天數', en: 'Days waiting' }, value: (r) => r.ageDays },
  { key: 'overdue', label: { 'zh-TW': '逾期', en: 'Overdue' }, value: (r, lang) => (r.overdue ? yes[lang] : '') },
])

export const applicationExportQuery = exportQuery(applicationListQuery)

/** What the queue's filters select, every page of it, in the queue's order. */
export function exportApplications(opts: { db: Db; user: SessionUser; query: z.output<typeof applicationExportQuery>; now: Date }): ExportJob<ApplicationSummary> {
  const { db, user, query, now } = opts
  const columns = pickColumns(applicationColumns, query.columns)
  const sla = slaByOffice(db)
  const filter = applicationFilter({ user, query, sla, now })
  return {
    list: 'applications',
    title: { 'zh-TW': '申請案件', en: 'Applications' },
    columns,
    options: query,
    filters: filtersOf(query),
    open: (reader) => mapRows(iterateSelect(reader, applicationsQuery(db, filter)), (row) => toSummary(row, sla[row.officeCode] ?? 0, now)),
  }
}

/** `GET /api/applications/export`: the same readers as the queue. */
export function createApplicationsExportRoutes() {
  return new Hono<AppEnv>().get('/', allow('clerk', 'supervisor', 'auditor', 'admin'), valid('query', applicationExportQuery), (c) =>
    exportResponse(c, exportApplications({ db: c.get('deps').db, user: currentUser(c), query: c.req.valid('query'), now: c.get('deps').clock() })),
  )
}
