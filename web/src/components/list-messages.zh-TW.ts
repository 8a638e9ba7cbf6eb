/** The count and the search note under every keyset-paged list (composed as `lists` in app/i18n; decision 0016). */
export default {
  total: '共 {count} 筆',
  moreThan: '超過 {count} 筆',
  partial: '文字搜尋每頁只檢視一段較新的紀錄；按「下一頁」繼續往前搜尋。',
}
