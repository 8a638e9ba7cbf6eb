import { Hono } from 'hono'
import type { z } from 'zod'
import { kindNames } from '../../../core/contracts/applications'
import type { SessionUser } from '../../../core/contracts/auth'
import { certificateListQuery, certificateStatusNames, revocationReasonNames, type RevocationReason } from '../../../core/contracts/certificates'
import type { Db } from '../../../db/client'
import { allow } from '../../lib/auth'
import { currentUser, type AppEnv } from '../../lib/context'
import { defineColumns, pickColumns } from '../../lib/export/columns'
import { exportResponse, type ExportJob } from '../../lib/export/export-response'
import { exportQuery, filtersOf } from '../../lib/export/export-query'
import { iterateSelect } from '../../lib/export/read'
import { valid } from '../../lib/validate'
import { certificatesQuery, type CertificateListRow } from './certificates.repo'
import { certificateFilter } from './certificates.service'

/** The registry's columns: the list's, and when and why a revoked one was revoked. */
export const certificateColumns = defineColumns<CertificateListRow>([
  { key: 'serialHex', label: { 'zh-TW': '憑證序號', en: 'Serial' }, value: (r) => r.serialHex },
  { key: 'kind', label: { 'zh-TW': '憑證種類', en: 'Kind' }, value: (r, lang) => kindNames[r.kind]?.[lang] ?? r.kind },
  { key: 'subjectDn', label: { 'zh-TW': '主體名稱', en: 'Subject' }, value: (r) => r.subjectDn },
  { key: 'ubn', label: { 'zh-TW': '統一編號', en: 'UBN' }, value: (r) => r.ubn },
  { key: 'brokerCode', label: { 'zh-TW': '專責報關人員代碼', en: 'Broker code' }, value: (r) => r.brokerCode },
  { key: 'officeCode', label: { 'zh-TW': '關別', en: 'Office' }, value: (r) => r.officeCode },
  { key: 'status', label: { 'zh-TW': '狀態', en: 'Status' }, value: (r, lang) => certificateStatusNames[r.status][lang] },
  { key: 'notBefore', label: { 'zh-TW': '生效時間', en: 'Valid from' }, kind: 'instant', value: (r) => r.notBefore },
  { key: 'notAfter', label: { 'zh-TW': '到期時間', en: 'Expires' }, kind: 'instant', value: (r) => r.notAfter },
  { key: 'revokedAt', label: { 'zh-TW': '廢止時間', en: 'Revoked' }, kind: 'instant', value: (r) => r.revokedAt },
  {
    key: 'revocationReason',
    label: { 'zh-TW': '廢止原因', en: 'Revocation reason' },
    value: (r, lang) => (r.revocationReason ? (revocationReasonNames[r.revocationReason as RevocationReason]?.[lang] ?? r.revocationReason) : null),
  },
])

export const certificateExportQuery = exportQuery(certificateListQuery)

/** What the registry's filters select, every page of it, in the list's order. */
export function exportCertificates(opts: { db: Db; user: SessionUser; query: z.output<typeof certificateExportQuery>; now: Date }): ExportJob<CertificateListRow> {
  const { db, query } = opts
  const filter = certificateFilter(opts)
  return {
    list: 'certificates',
    title: { 'zh-TW': '憑證', en: 'Certificates' },
    columns: pickColumns(certificateColumns, query.columns),
    options: query,
    filters: filtersOf(query),
    open: (reader) => iterateSelect(reader, certificatesQuery(db, filter)),
  }
}

/** `GET /api/certificates/export`: the same readers as the registry. */
export function createCertificatesExportRoutes() {
  return new Hono<AppEnv>().get('/', allow('clerk', 'supervisor', 'helpdesk', 'auditor', 'admin'), valid('query', certificateExportQuery), (c) =>
    exportResponse(c, exportCertificates({ db: c.get('deps').db, user: currentUser(c), query: c.req.valid('query'), now: c.get('deps').clock() })),
  )
}
