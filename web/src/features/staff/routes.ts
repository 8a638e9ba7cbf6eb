import type { RouteRecordRaw } from 'vue-router'

/** Children of /console. */
export const staffRoutes: RouteRecordRaw[] = [
  { path: 'staff', name: 'staff', component: () => import('./StaffListPage.vue'), meta: { roles: ['admin'], title: 'nav.staff' } },
]
