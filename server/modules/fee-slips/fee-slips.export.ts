import { Hono } from 'hono'
import type { z } from 'zod'
import type { SessionUser } from '../../../core/contracts/auth'
import type { FeeSlipStatus } from '../../../core/contracts/fee-slips'
import { paymentChannelNames, paymentListQuery, type PaymentChannel } from '../../../core/contracts/payments'
import type { LocalizedText } from '../../../core/i18n'
import type { Db } from '../../../db/client'
import { allow } from '../../lib/auth'
import { currentUser, type AppEnv } from '../../lib/context'
import { defineColumns, pickColumns } from '../../lib/export/columns'
import { exportResponse, type ExportJob } from '../../lib/export/export-response'
import { exportQuery, filtersOf } from '../../lib/export/export-query'
import { iterateSelect, type RowSource } from '../../lib/export/read'
import { officeScope } from '../../lib/sql'
import { valid } from '../../lib/validate'
import { slipsQuery } from './fee-slips.repo'

type SlipRow = ReturnType<ReturnType<typeof slipsQuery>['all']>[number]

const statusNames: Record<FeeSlipStatus, LocalizedText> = {
  unpaid: { 'zh-TW': '待繳費', en: 'Unpaid' },
  paid: { 'zh-TW': '已繳費', en: 'Paid' },
  void: { 'zh-TW': '已作廢', en: 'Void' },
}

/** A slip and its payment: the fee desk's reconciliation sheet. */
export const slipColumns = defineColumns<SlipRow>([
  { key: 'slipNo', label: { 'zh-TW': '繳款單號碼', en: 'Slip no.' }, value: (r) => r.slipNo },
  { key: 'applicationNo', label: { 'zh-TW': '申請序號', en: 'Application no.' }, value: (r) => r.applicationNo },
  { key: 'officeCode', label: { 'zh-TW': '關別', en: 'Office' }, value: (r) => r.officeCode },
  { key: 'payerUbn', label: { 'zh-TW': '繳款人統一編號', en: 'Payer UBN' }, value: (r) => r.payerUbn },
  { key: 'payerName', label: { 'zh-TW': '繳款人', en: 'Payer' }, value: (r) => r.payerName },
  { key: 'amount', label: { 'zh-TW': '金額', en: 'Amount (NT$)' }, value: (r) => r.amount },
  { key: 'issuedOn', label: { 'zh-TW': '開單日期', en: 'Issued' }, kind: 'date', value: (r) => r.issuedOn },
  { key: 'dueOn', label: { 'zh-TW': '繳費期限', en: 'Due' }, kind: 'date', value: (r) => r.dueOn },
  { key: 'status', label: { 'zh-TW': '狀態', en: 'Status' }, value: (r, lang) => statusNames[r.status][lang] },
  { key: 'paidOn', label: { 'zh-TW': '繳費日期', en: 'Paid on' }, kind: 'date', value: (r) => r.paidOn },
  { key: 'channel', label: { 'zh-TW': '繳費管道', en: 'Channel' }, value: (r, lang) => (r.channel ? (paymentChannelNames[r.channel as PaymentChannel]?.[lang] ?? r.channel) : null) },
  { key: 'reference', label: { 'zh-TW': '銀行交易序號', en: 'Bank reference' }, value: (r) => r.reference },
])

/** There is no list of slips: the payments page is where the fee desk filters, so its filters select the slips. */
export const slipExportQuery = exportQuery(paymentListQuery)

/** The slips of the user's office (every office at headquarters) that the payments page's filters select. */
export function exportFeeSlips(opts: { db: Db; user: SessionUser; query: z.output<typeof slipExportQuery> }): ExportJob<SlipRow> {
  const { db, query } = opts
  const filter = { scope: officeScope(opts.user.officeCode), q: query.q, from: query.from, to: query.to }
  return {
    list: 'fee-slips',
    title: { 'zh-TW': '繳款單', en: 'Fee slips' },
    columns: pickColumns(slipColumns, query.columns),
    options: query,
    filters: filtersOf(query),
    open: (reader): RowSource<SlipRow> => iterateSelect(reader, slipsQuery(db, filter)),
  }
}

/** `GET /api/fee-slips/export`: the readers of the payments page. */
export function createFeeSlipsExportRoutes() {
  return new Hono<AppEnv>().get('/', allow('clerk', 'supervisor', 'auditor', 'admin'), valid('query', slipExportQuery), (c) =>
    exportResponse(c, exportFeeSlips({ db: c.get('deps').db, user: currentUser(c), query: c.req.valid('query') })),
  )
}
