import { toRocDate } from '@core/tw/roc-date'

export { slipParts, ntd, FEE_TYPE } from '@core/print/fee-slip'

/** `2026-12-04` → `115/12/04`; `2026-12` year-month → `115/12`. */
export const rocDay = (iso: string) => toRocDate(iso)
export const rocMonth = (iso: string) => toRocDate(iso).slice(0, -3)
