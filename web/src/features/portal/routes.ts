import type { RouteRecordRaw } from 'vue-router'
import { applicationsPortalRoutes } from '@web/features/applications/portal/routes' // online DC02 (portal)
import { helpdeskPortalRoutes } from '@web/features/helpdesk/routes' // helpdesk reset links
import { portalAccountsRoutes } from '@web/features/portal-accounts/routes' // account registration
import { portalAuthRoutes } from '@web/features/portal-auth/routes' // portal sign-in
import { registrationsRoutes } from '@web/features/registrations/routes' // signing-certificate registration

/**
 * The portal: citizens' and companies' pages, apart from the console. Every page is its own lazy chunk
 * and the layout imports nothing of the console's, so a portal visit never downloads console code.
 */
export const portalRoutes: RouteRecordRaw[] = [
  {
    path: '/portal',
    component: () => import('./PortalLayout.vue'),
    children: [
      { path: '', name: 'portal', component: () => import('./PortalHomePage.vue'), meta: { title: 'portal.title' } },
      ...portalAuthRoutes,
      ...portalAccountsRoutes,
      ...registrationsRoutes,
      ...applicationsPortalRoutes,
      ...helpdeskPortalRoutes,
    ],
  },
]
