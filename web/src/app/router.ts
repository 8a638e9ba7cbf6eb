import { createRouter, createWebHistory, type RouteLocationNormalized } from 'vue-router'
import { applicationRoutes } from '@web/features/applications/routes' // applications
import { auditRoutes } from '@web/features/audit/routes'
import { bindingsRoutes } from '@web/features/bindings/routes' // card binding
import { authConsoleRoutes, loginRoute } from '@web/features/auth/routes'
import { brokerRecordsRoutes } from '@web/features/broker-records/routes' // broker records
import { certificateRoutes } from '@web/features/certificates/routes' // certificates
import { dashboardRoutes } from '@web/features/dashboard/routes'
import { lookupRoutes } from '@web/features/lookup/routes' // lookup
import { helpdeskRoutes } from '@web/features/helpdesk/routes' // helpdesk
import { feeSlipRoutes } from '@web/features/fee-slips/routes' // fee slips
import { mailRoutes } from '@web/features/mail/routes' // mail outbox
import { paymentRoutes } from '@web/features/payments/routes' // payments
import { portalRoutes } from '@web/features/portal/routes'
import { reassignmentsRoutes } from '@web/features/reassignments/routes' // reassignments
import { staffRoutes } from '@web/features/staff/routes'
import { usePortalSessionStore } from '@web/stores/portal-session'
import { useSessionStore } from '@web/stores/session'
import { decideNavigation, LOGIN_PATH } from './guard'
import { notifyError } from './notify'
import { decidePortalNavigation } from './portal-guard'
import './route-meta'

const NotFoundPage = () => import('./pages/NotFoundPage.vue')

export const router = createRouter({
  history: createWebHistory(),
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
  routes: [
    { path: '/', redirect: '/portal' },
    ...portalRoutes,
    loginRoute,
    {
      path: '/console',
      component: () => import('./layouts/ConsoleLayout.vue'),
      meta: { roles: 'staff' },
      children: [
        ...dashboardRoutes,
        ...applicationRoutes, // applications
        ...certificateRoutes, // certificates
        ...paymentRoutes, // payments
        ...feeSlipRoutes, // fee slips
        ...authConsoleRoutes,
        ...brokerRecordsRoutes, // broker records
        ...staffRoutes,
        ...auditRoutes,
        ...mailRoutes, // mail outbox
        ...helpdeskRoutes, // helpdesk
        ...lookupRoutes, // lookup
        ...bindingsRoutes, // card binding
        ...reassignmentsRoutes, // reassignments
        { path: '403', name: 'forbidden', component: () => import('./pages/ForbiddenPage.vue'), meta: { title: 'nav.forbidden' } },
        { path: ':pathMatch(.*)*', name: 'console-not-found', component: NotFoundPage, meta: { title: 'nav.notFound' } },
      ],
    },
    { path: '/:pathMatch(.*)*', name: 'not-found', component: NotFoundPage, meta: { title: 'nav.notFound' } },
  ],
})

/** Public pages never ask who is signed in, so the portal works without the console's session. */
function needsSession(to: RouteLocationNormalized): boolean {
  return to.meta.roles !== undefined || to.meta.guestOnly === true
}

router.beforeEach(async (to) => {
  if (to.meta.portal) {
    const portal = usePortalSessionStore()
    try {
      await portal.ensureLoaded()
    } catch (error) {
      notifyError(error)
    }
    const decision = decidePortalNavigation({ path: to.path, fullPath: to.fullPath, portal: to.meta.portal }, portal.user)
    return decision.allow ? true : decision.to
  }
  if (!needsSession(to)) return true
  const session = useSessionStore()
  try {
    await session.ensureLoaded()
  } catch (error) {
    // the server is unreachable or failing: say so, and let the sign-in page show itself
    notifyError(error)
    return to.meta.guestOnly ? true : { path: LOGIN_PATH, query: { redirect: to.fullPath } }
  }
  const target = { path: to.path, fullPath: to.fullPath, roles: to.meta.roles, guestOnly: to.meta.guestOnly, redirect: to.query.redirect }
  const decision = decideNavigation(target, session.user)
  return decision.allow ? true : decision.to
})
