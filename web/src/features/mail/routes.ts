import type { RouteRecordRaw } from 'vue-router'

/** Children of /console. */
export const mailRoutes: RouteRecordRaw[] = [
  { path: 'mail', name: 'mail', component: () => import('./MailOutboxPage.vue'), meta: { roles: ['admin'], title: 'nav.mail' } },
]
