import type { RouteRecordRaw } from 'vue-router'

/** Children of /console: one search box for every key, and a page per firm or person. */
export const lookupRoutes: RouteRecordRaw[] = [
  {
    path: 'lookup',
    meta: { roles: 'staff', title: 'nav.lookup' },
    children: [
      { path: '', name: 'lookup', component: () => import('./LookupSearchPage.vue') },
      { path: 'firms/:ubn', name: 'lookup-firm', component: () => import('./LookupFirmPage.vue'), meta: { title: 'nav.lookupProfile' } },
      { path: 'people/:ref', name: 'lookup-person', component: () => import('./LookupPersonPage.vue'), meta: { title: 'nav.lookupProfile' } },
    ],
  },
]
