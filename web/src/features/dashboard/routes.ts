import type { RouteRecordRaw } from 'vue-router'

/** Children of /console. */
export const dashboardRoutes: RouteRecordRaw[] = [
  { path: '', name: 'dashboard', component: () => import('./DashboardPage.vue'), meta: { title: 'nav.dashboard' } },
]
