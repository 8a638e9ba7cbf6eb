import { Hono } from 'hono'
import type { z } from 'zod'
import { auditListQuery } from '../../../core/contracts/audit'
import type { SessionUser } from '../../../core/contracts/auth'
import type { Db } from '../../../db/client'
import { allow } from '../../lib/auth'
import { currentUser, type AppEnv } from '../../lib/context'
import { defineColumns, pickColumns } from '../../lib/export/columns'
import { exportResponse, type ExportJob } from '../../lib/export/export-response'
import { exportQuery, filtersOf } from '../../lib/export/export-query'
import { iterateSelect } from '../../lib/export/read'
import { valid } from '../../lib/validate'
import { auditQuery, type AuditRow } from './audit.repo'
import { auditFilter } from './audit.service'

/**
 * The trail as stored, hashes included, so that an auditor can check the chain outside the system; the summary
 * stays the JSON text it is hashed as.
 */
export const auditColumns = defineColumns<AuditRow>([
  { key: 'id', label: { 'zh-TW': '編號', en: 'No.' }, value: (r) => r.id },
  { key: 'at', label: { 'zh-TW': '時間', en: 'Time' }, kind: 'instant', value: (r) => r.at },
  { key: 'actorName', label: { 'zh-TW': '操作者', en: 'Actor' }, value: (r) => r.actorName },
  { key: 'officeCode', label: { 'zh-TW': '關別', en: 'Office' }, value: (r) => r.officeCode },
  { key: 'roles', label: { 'zh-TW': '角色', en: 'Roles' }, value: (r) => r.roles },
  { key: 'action', label: { 'zh-TW': '動作', en: 'Action' }, value: (r) => r.action },
  { key: 'entity', label: { 'zh-TW': '對象類型', en: 'Entity' }, value: (r) => r.entity },
  { key: 'entityId', label: { 'zh-TW': '對象', en: 'Entity id' }, value: (r) => r.entityId },
  { key: 'summary', label: { 'zh-TW': '內容', en: 'Summary' }, value: (r) => r.summary },
  { key: 'requestId', label: { 'zh-TW': '請求編號', en: 'Request id' }, value: (r) => r.requestId },
  { key: 'ip', label: { 'zh-TW': 'IP 位址', en: 'IP address' }, value: (r) => r.ip },
  { key: 'prevHash', label: { 'zh-TW': '前一筆雜湊', en: 'Previous hash' }, value: (r) => r.prevHash },
  { key: 'hash', label: { 'zh-TW': '雜湊', en: 'Hash' }, value: (r) => r.hash },
])

export const auditExportQuery = exportQuery(auditListQuery)

/** What the trail's filters select, every page of it, newest first as the list shows it. */
export function exportAudit(opts: { db: Db; actor: SessionUser; query: z.output<typeof auditExportQuery> }): ExportJob<AuditRow> {
  const { db, query } = opts
  const filter = auditFilter(opts)
  return {
    list: 'audit',
    title: { 'zh-TW': '稽核軌跡', en: 'Audit trail' },
    columns: pickColumns(auditColumns, query.columns),
    options: query,
    filters: filtersOf(query),
    open: (reader) => iterateSelect(reader, auditQuery(db, filter)),
  }
}

/** `GET /api/audit/export`: the same readers as the trail. */
export function createAuditExportRoutes() {
  return new Hono<AppEnv>().get('/', allow('auditor', 'admin'), valid('query', auditExportQuery), (c) =>
    exportResponse(c, exportAudit({ db: c.get('deps').db, actor: currentUser(c), query: c.req.valid('query') })),
  )
}
