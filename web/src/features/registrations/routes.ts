import type { RouteRecordRaw } from 'vue-router'

/** Children of /portal: signing-certificate registration (通關憑證註冊) and the query table (通關憑證查詢). */
export const registrationsRoutes: RouteRecordRaw[] = [
  { path: 'registrations/new', name: 'registrations-new', component: () => import('./RegistrationsNewPage.vue'), meta: { title: 'registrations.newTitle', portal: 'signed-in' } },
  { path: 'registrations', name: 'registrations', component: () => import('./RegistrationsQueryPage.vue'), meta: { title: 'registrations.queryTitle', portal: 'signed-in' } },
]
