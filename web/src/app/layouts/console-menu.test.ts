import type { SessionUser } from '@core/contracts/auth'
import type { Role } from '@core/contracts/roles'
import { describe, expect, it } from 'vitest'
import { activeMenuPath, menuFor, menuItems } from './console-menu'

const user = (roles: Role[]): SessionUser => ({ id: 1, username: 'u', displayName: 'U', officeCode: 'AA', roles, mustChangePassword: false })
const keys = (roles: Role[]) => menuFor(user(roles)).map((item) => item.key)

describe('console menu', () => {
  it('shows each role only what it may open', () => {
    expect(keys(['helpdesk'])).toEqual(['dashboard', 'lookup', 'certificates', 'broker-records', 'bindings', 'helpdesk', 'password']) // certificates
    expect(keys(['clerk'])).toEqual(['dashboard', 'lookup', 'applications', 'applications-new', 'certificates', 'payments', 'broker-records', 'reassignments', 'bindings', 'password'])
    expect(keys(['auditor'])).toEqual(['dashboard', 'lookup', 'applications', 'certificates', 'payments', 'broker-records', 'audit', 'password'])
    expect(keys(['supervisor'])).toEqual(['dashboard', 'lookup', 'applications', 'certificates', 'payments', 'broker-records', 'reassignments', 'bindings', 'helpdesk', 'password'])
    expect(keys(['admin'])).toEqual(['dashboard', 'lookup', 'applications', 'certificates', 'payments', 'broker-records', 'staff', 'audit', 'mail', 'password'])
    expect(menuFor(null)).toEqual([])
  })

  it('highlights the section of nested pages', () => {
    expect(activeMenuPath('/console/audit/42', menuItems)).toBe('/console/audit')
    expect(activeMenuPath('/console/applications/7/edit', menuItems)).toBe('/console/applications')
    expect(activeMenuPath('/console/applications/new', menuItems)).toBe('/console/applications/new')
    expect(activeMenuPath('/console/payments/import', menuItems)).toBe('/console/payments') // payments
    expect(activeMenuPath('/console/certificates/0a1b', menuItems)).toBe('/console/certificates') // certificates
    expect(activeMenuPath('/console/reassignments', menuItems)).toBe('/console/reassignments') // reassignments
    expect(activeMenuPath('/console', menuItems)).toBe('/console')
    expect(activeMenuPath('/console/403', menuItems)).toBe('')
  })
})
