import type { SessionUser } from '@core/contracts/auth'
import { HOME_PATH, hasAccess, type RouteRoles } from '../guard'
import type { MessageKey } from '../message-key'

export interface MenuItem {
  key: 'dashboard' | 'lookup' | 'applications' | 'applications-new' | 'certificates' | 'payments' | 'broker-records' | 'reassignments' | 'bindings' | 'staff' | 'audit' | 'mail' | 'helpdesk' | 'password'
  path: string
  label: MessageKey
  roles: RouteRoles
}

/** The sidebar, in order; each item's roles match its route's meta so nobody sees a door they cannot open. */
export const menuItems: MenuItem[] = [
  { key: 'dashboard', path: '/console', label: 'nav.dashboard', roles: 'staff' },
  { key: 'lookup', path: '/console/lookup', label: 'nav.lookup', roles: 'staff' }, // lookup
  { key: 'applications', path: '/console/applications', label: 'nav.applications', roles: ['clerk', 'supervisor', 'auditor', 'admin'] }, // applications
  { key: 'applications-new', path: '/console/applications/new', label: 'nav.applicationNew', roles: ['clerk'] }, // applications
  { key: 'certificates', path: '/console/certificates', label: 'nav.certificates', roles: ['clerk', 'supervisor', 'helpdesk', 'auditor', 'admin'] }, // certificates
  { key: 'payments', path: '/console/payments', label: 'nav.payments', roles: ['clerk', 'supervisor', 'auditor', 'admin'] }, // payments
  { key: 'broker-records', path: '/console/broker-records', label: 'nav.brokerRecords', roles: ['clerk', 'supervisor', 'helpdesk', 'auditor', 'admin'] }, // broker records
  { key: 'reassignments', path: '/console/reassignments', label: 'nav.reassignments', roles: ['clerk', 'supervisor'] }, // reassignments
  { key: 'bindings', path: '/console/bindings', label: 'nav.bindings', roles: ['clerk', 'supervisor', 'helpdesk'] }, // card binding
  { key: 'staff', path: '/console/staff', label: 'nav.staff', roles: ['admin'] },
  { key: 'audit', path: '/console/audit', label: 'nav.audit', roles: ['auditor', 'admin'] },
  { key: 'mail', path: '/console/mail', label: 'nav.mail', roles: ['admin'] }, // mail outbox
  { key: 'helpdesk', path: '/console/helpdesk', label: 'nav.helpdesk', roles: ['helpdesk', 'supervisor'] }, // helpdesk
  { key: 'password', path: '/console/password', label: 'nav.password', roles: 'staff' },
]

export function menuFor(user: SessionUser | null): MenuItem[] {
  return user ? menuItems.filter((item) => hasAccess(user, item.roles)) : []
}

/** The menu entry to highlight: the longest item path that prefixes the current path (the dashboard only exactly). */
export function activeMenuPath(path: string, items: MenuItem[]): string {
  const hits = items.filter((item) => path === item.path || (item.path !== HOME_PATH && path.startsWith(`${item.path}/`)))
  return hits.sort((a, b) => b.path.length - a.path.length)[0]?.path ?? ''
}
