import type { FeeSlip } from '@core/contracts/fee-slips'
import { queryOptions } from '@tanstack/vue-query'
import { api } from '@web/app/api'

export const feeSlipKeys = {
  all: ['fee-slips'] as const,
  detail: (slipNo: string) => ['fee-slips', slipNo] as const,
}

export function feeSlipQuery(slipNo: string) {
  return queryOptions({
    queryKey: feeSlipKeys.detail(slipNo),
    queryFn: ({ signal }) => api<FeeSlip>(`/api/fee-slips/${encodeURIComponent(slipNo)}`, { signal }),
  })
}
