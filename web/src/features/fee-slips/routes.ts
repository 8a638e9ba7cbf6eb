import type { RouteRecordRaw } from 'vue-router'

/** Children of /console: the printable slip, for staff of the slip's office and headquarters (the API scopes it). */
export const feeSlipRoutes: RouteRecordRaw[] = [
  {
    path: 'fee-slips/:slipNo([A-Za-z]{2}[Ff]\\d{11})/print',
    name: 'fee-slip-print',
    component: () => import('./FeeSlipPrintPage.vue'),
    meta: { roles: 'staff', title: 'nav.feeSlipPrint' },
  },
]
