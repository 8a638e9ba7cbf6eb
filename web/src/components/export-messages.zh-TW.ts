/** The export button and dialog, on every list page that exports (composed as `exports` in app/i18n). */
export default {
  button: '匯出',
  feeSlips: '匯出繳款單',
  title: '匯出資料',
  hint: '匯出目前篩選條件所選的全部資料（不只這一頁）。',
  feeSlipsHint: '匯出目前篩選條件所選的繳款單，含未繳費與作廢者；指定繳費日期範圍時只含已繳費者。',
  format: '檔案格式',
  csv: 'CSV（UTF-8，Excel 可開啟）',
  xlsx: 'Excel 活頁簿（XLSX）',
  rocDates: '日期以民國年表示（如 115/11/22）',
  download: '下載',
  cancel: '停止下載',
  received: '已接收 {size}…',
  cancelled: '已停止下載',
  saved: '已下載 {name}',
}
