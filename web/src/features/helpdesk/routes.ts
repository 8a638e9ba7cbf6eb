import type { RouteRecordRaw } from 'vue-router'

/** Children of /console: the helpdesk's portal-account tools and the four-eyes e-mail changes. */
export const helpdeskRoutes: RouteRecordRaw[] = [
  {
    path: 'helpdesk',
    meta: { roles: ['helpdesk', 'supervisor'], title: 'nav.helpdesk' },
    children: [
      { path: '', name: 'helpdesk', component: () => import('./HelpdeskAccountsPage.vue') },
      { path: 'email-changes', name: 'helpdesk-email-changes', component: () => import('./HelpdeskEmailChangesPage.vue'), meta: { title: 'nav.helpdeskEmailChanges' } },
    ],
  },
]

/** Children of /portal: the page a mailed reset link opens. */
export const helpdeskPortalRoutes: RouteRecordRaw[] = [
  { path: 'reset-password', name: 'portal-reset-password', component: () => import('./HelpdeskResetPasswordPage.vue'), meta: { title: 'helpdesk.resetTitle' } },
]
