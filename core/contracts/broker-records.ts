import type { LocalizedText } from '../i18n'

/** 申請業別: the business types a firm may hold a licence for and apply under (seed 002). */
export const businessTypes = ['customs-broker', 'transport', 'warehouse', 'forwarder', 'free-trade-zone', 'inspection'] as const
export type BusinessType = (typeof businessTypes)[number]

export const businessTypeNames: Record<BusinessType, LocalizedText> = {
  'customs-broker': { 'zh-TW': '報關業(含自行報關)', en: 'Customs broker (incl. self-filing)' },
  transport: { 'zh-TW': '運輸業', en: 'Transport' },
  warehouse: { 'zh-TW': '倉儲業(含貨櫃集散站)', en: 'Warehousing (incl. container yards)' },
  forwarder: { 'zh-TW': '承攬業', en: 'Freight forwarding' },
  'free-trade-zone': { 'zh-TW': '自由貿易港區事業', en: 'Free trade zone enterprise' },
  inspection: { 'zh-TW': '報驗業', en: 'Inspection agent' },
}
