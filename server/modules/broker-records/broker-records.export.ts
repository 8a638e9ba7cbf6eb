import { Hono } from 'hono'
import type { z } from 'zod'
import { appointmentListQuery, appointmentStatusNames, type Appointment } from '../../../core/contracts/broker-records'
import type { Db } from '../../../db/client'
import { allow } from '../../lib/auth'
import type { AppEnv } from '../../lib/context'
import { defineColumns, pickColumns } from '../../lib/export/columns'
import { exportResponse, type ExportJob } from '../../lib/export/export-response'
import { exportQuery, filtersOf } from '../../lib/export/export-query'
import { iterateSelect, mapRows } from '../../lib/export/read'
import { valid } from '../../lib/validate'
import { appointmentsQuery } from './broker-records.list'
import { toAppointment } from './broker-records.repo'

/** 委任關係 as the appointments list shows them. */
export const appointmentColumns = defineColumns<Appointment>([
  { key: 'brokerCode', label: { 'zh-TW': '專責報關人員代碼', en: 'Broker code' }, value: (r) => r.brokerCode },
  { key: 'brokerName', label: { 'zh-TW': '專責報關人員', en: 'Broker' }, value: (r) => r.brokerName },
  { key: 'firmUbn', label: { 'zh-TW': '統一編號', en: 'UBN' }, value: (r) => r.firmUbn },
  { key: 'firmName', label: { 'zh-TW': '公司名稱', en: 'Firm' }, value: (r) => r.firmName },
  { key: 'firmOfficeCode', label: { 'zh-TW': '關別', en: 'Office' }, value: (r) => r.firmOfficeCode },
  { key: 'fromDate', label: { 'zh-TW': '委任日期', en: 'From' }, kind: 'date', value: (r) => r.fromDate },
  { key: 'toDate', label: { 'zh-TW': '終止日期', en: 'To' }, kind: 'date', value: (r) => r.toDate },
  { key: 'status', label: { 'zh-TW': '狀態', en: 'Status' }, value: (r, lang) => appointmentStatusNames[r.status]?.[lang] ?? r.status },
])

export const appointmentExportQuery = exportQuery(appointmentListQuery)

/**
 * What the appointments list's filters select, every page of it, in its order. The records are national data,
 * read by every staff role and not scoped to an office, here as in the list.
 */
export function exportAppointments(opts: { db: Db; query: z.output<typeof appointmentExportQuery> }): ExportJob<Appointment> {
  const { db, query } = opts
  return {
    list: 'appointments',
    title: { 'zh-TW': '委任關係', en: 'Appointments' },
    columns: pickColumns(appointmentColumns, query.columns),
    options: query,
    filters: filtersOf(query),
    open: (reader) => mapRows(iterateSelect(reader, appointmentsQuery(db, query)), toAppointment),
  }
}

/** `GET /api/broker-records/appointments/export`: the same readers as the list. */
export function createAppointmentsExportRoutes() {
  return new Hono<AppEnv>().get('/', allow('clerk', 'supervisor', 'helpdesk', 'auditor', 'admin'), valid('query', appointmentExportQuery), (c) =>
    exportResponse(c, exportAppointments({ db: c.get('deps').db, query: c.req.valid('query') })),
  )
}
