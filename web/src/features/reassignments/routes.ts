import type { RouteRecordRaw } from 'vue-router'

/** Children of /console: clerks record reassignments, supervisors decide disqualifications. */
export const reassignmentsRoutes: RouteRecordRaw[] = [
  { path: 'reassignments', name: 'reassignments', component: () => import('./ReassignmentsPage.vue'), meta: { roles: ['clerk', 'supervisor'], title: 'nav.reassignments' } },
]
