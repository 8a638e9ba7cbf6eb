import type { RouteRecordRaw } from 'vue-router'

/** Children of /portal: a company's online DC02 applications, fee slips, and key generation at status 20. */
export const applicationsPortalRoutes: RouteRecordRaw[] = [
  {
    path: 'applications',
    name: 'portal-applications',
    component: () => import('./ApplicationsPortalListPage.vue'),
    meta: { portal: 'company', title: 'portalApplications.listTitle' },
  },
  {
    path: 'applications/new',
    name: 'portal-application-new',
    component: () => import('./ApplicationsPortalFormPage.vue'),
    meta: { portal: 'company', title: 'portalApplications.newTitle' },
  },
  {
    path: 'applications/:id(\\d+)',
    name: 'portal-application',
    component: () => import('./ApplicationsPortalDetailPage.vue'),
    meta: { portal: 'company', title: 'portalApplications.title' },
  },
  {
    path: 'applications/:id(\\d+)/fee-slip',
    name: 'portal-application-fee-slip',
    component: () => import('./ApplicationsPortalFeeSlipPage.vue'),
    meta: { portal: 'company', title: 'portalApplications.feeSlipTitle' },
  },
]
