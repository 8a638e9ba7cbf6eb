import type { RouteRecordRaw } from 'vue-router'

/**
 * Children of /console. The keying pages are the clerk's; the queue and the detail are open to
 * everyone who reviews or oversees (what each may do there comes from the server's `can`).
 */
export const applicationRoutes: RouteRecordRaw[] = [
  {
    path: 'applications',
    meta: { roles: ['clerk', 'supervisor', 'auditor', 'admin'], title: 'nav.applications' },
    children: [
      { path: '', name: 'applications', component: () => import('./ApplicationQueuePage.vue') },
      { path: 'new', name: 'application-new', component: () => import('./ApplicationKeyingPage.vue'), meta: { roles: ['clerk'], title: 'nav.applicationNew' } },
      { path: ':id(\\d+)', name: 'application-detail', component: () => import('./ApplicationDetailPage.vue'), meta: { title: 'nav.applicationDetail' } },
      { path: ':id(\\d+)/edit', name: 'application-edit', component: () => import('./ApplicationKeyingPage.vue'), meta: { roles: ['clerk'], title: 'nav.applicationEdit' } },
    ],
  },
]
