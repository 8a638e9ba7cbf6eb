import type { Role } from '@core/contracts/roles'
import type { RouteRecordRaw } from 'vue-router'

/** Every staff role reads the records (national data); supervisors and admins import them. */
const readers: Role[] = ['clerk', 'supervisor', 'helpdesk', 'auditor', 'admin']

/** Children of /console; details nest under their lists so the breadcrumb shows both. */
export const brokerRecordsRoutes: RouteRecordRaw[] = [
  {
    path: 'broker-records',
    meta: { roles: readers, title: 'nav.brokerRecords' },
    children: [
      { path: '', name: 'broker-records', redirect: { name: 'broker-records-firms' } },
      {
        path: 'firms',
        meta: { title: 'nav.firms' },
        children: [
          { path: '', name: 'broker-records-firms', component: () => import('./BrokerRecordsFirmListPage.vue') },
          { path: ':ubn(\\d{8})', name: 'broker-records-firm', component: () => import('./BrokerRecordsFirmDetailPage.vue'), meta: { title: 'nav.firmDetail' } },
        ],
      },
      {
        path: 'brokers',
        meta: { title: 'nav.brokers' },
        children: [
          { path: '', name: 'broker-records-brokers', component: () => import('./BrokerRecordsBrokerListPage.vue') },
          { path: ':code([A-D]\\d{5})', name: 'broker-records-broker', component: () => import('./BrokerRecordsBrokerDetailPage.vue'), meta: { title: 'nav.brokerDetail' } },
        ],
      },
      { path: 'appointments', name: 'broker-records-appointments', component: () => import('./BrokerRecordsAppointmentListPage.vue'), meta: { title: 'nav.appointments' } },
      {
        path: 'import',
        name: 'broker-records-import',
        component: () => import('./BrokerRecordsImportPage.vue'),
        meta: { roles: ['supervisor', 'admin'], title: 'nav.brokerRecordsImport' },
      },
    ],
  },
]
