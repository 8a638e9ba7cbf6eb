import type { RouteRecordRaw } from 'vue-router'

/** Children of /console; the detail nests under the list so the breadcrumb shows both. */
export const auditRoutes: RouteRecordRaw[] = [
  {
    path: 'audit',
    meta: { roles: ['auditor', 'admin'], title: 'nav.audit' },
    children: [
      { path: '', name: 'audit', component: () => import('./AuditListPage.vue') },
      { path: ':id(\\d+)', name: 'audit-detail', component: () => import('./AuditDetailPage.vue'), meta: { title: 'nav.auditDetail' } },
    ],
  },
]
