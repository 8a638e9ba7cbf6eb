import type { RouteRecordRaw } from 'vue-router'

/** Children of /portal: account registration with a card (seed 001's five steps). */
export const portalAccountsRoutes: RouteRecordRaw[] = [
  { path: 'register', name: 'portal-register', component: () => import('./PortalAccountsRegisterPage.vue'), meta: { title: 'portalAccounts.title' } },
]
