import type { RouteRecordRaw } from 'vue-router'

/** Children of /console: the binding requests, for the desk that decides them and those who answer holders' calls. */
export const bindingsRoutes: RouteRecordRaw[] = [
  { path: 'bindings', name: 'bindings', component: () => import('./BindingsListPage.vue'), meta: { roles: ['clerk', 'supervisor', 'helpdesk'], title: 'nav.bindings' } },
]

/** Children of /portal: apply to sign in with a card (signed in), and bind the card with the mailed code (public). */
export const bindingsPortalRoutes: RouteRecordRaw[] = [
  { path: 'bindings', name: 'portal-bindings', component: () => import('./BindingsRequestPage.vue'), meta: { portal: 'signed-in', title: 'bindings.requestTitle' } },
  { path: 'bindings/bind', name: 'portal-bindings-bind', component: () => import('./BindingsBindPage.vue'), meta: { title: 'bindings.bindTitle' } },
]
