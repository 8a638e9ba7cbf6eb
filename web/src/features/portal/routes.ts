import type { RouteRecordRaw } from 'vue-router'

export const portalRoutes: RouteRecordRaw[] = [
  { path: '/portal', name: 'portal', component: () => import('./PortalHomePage.vue'), meta: { title: 'portal.title' } },
]
