import type { RouteRecordRaw } from 'vue-router'

/** Children of /console: the payments list for the fee desk and its overseers; clerks and supervisors import. */
export const paymentRoutes: RouteRecordRaw[] = [
  {
    path: 'payments',
    meta: { roles: ['clerk', 'supervisor', 'auditor', 'admin'], title: 'nav.payments' },
    children: [
      { path: '', name: 'payments', component: () => import('./PaymentsListPage.vue') },
      { path: 'import', name: 'payments-import', component: () => import('./PaymentsImportPage.vue'), meta: { roles: ['clerk', 'supervisor'], title: 'nav.paymentsImport' } },
    ],
  },
]
