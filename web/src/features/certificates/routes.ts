import type { RouteRecordRaw } from 'vue-router'

/** Children of /console: the registry of customs certificates, for every staff role (actions: supervisors). */
export const certificateRoutes: RouteRecordRaw[] = [
  {
    path: 'certificates',
    meta: { roles: ['clerk', 'supervisor', 'helpdesk', 'auditor', 'admin'], title: 'nav.certificates' },
    children: [
      { path: '', name: 'certificates', component: () => import('./CertificateListPage.vue') },
      { path: ':serial', name: 'certificate-detail', component: () => import('./CertificateDetailPage.vue'), meta: { title: 'nav.certificateDetail' } },
    ],
  },
]
