import type { Shape } from '@web/app/i18n/shape'
import type zhTW from './export-messages.zh-TW'

export default {
  button: 'Export',
  feeSlips: 'Export fee slips',
  title: 'Export',
  hint: 'Exports everything the current filters select (not only this page).',
  feeSlipsHint: 'Exports the fee slips the current filters select, unpaid and void ones included; with a payment date range, only paid ones.',
  format: 'File format',
  csv: 'CSV (UTF-8, opens in Excel)',
  xlsx: 'Excel workbook (XLSX)',
  rocDates: 'Dates in ROC years (e.g. 115/11/22)',
  download: 'Download',
  cancel: 'Stop',
  received: '{size} received…',
  cancelled: 'Download stopped',
  saved: 'Downloaded {name}',
} satisfies Shape<typeof zhTW>
