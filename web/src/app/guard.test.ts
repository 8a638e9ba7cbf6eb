import type { SessionUser } from '@core/contracts/auth'
import { describe, expect, it } from 'vitest'
import { decideNavigation, safeRedirect, type GuardTarget } from './guard'

const user = (overrides: Partial<SessionUser> = {}): SessionUser => ({
  id: 1,
  username: 'clerk.keelung',
  displayName: '王小明',
  officeCode: 'AA',
  roles: ['clerk'],
  mustChangePassword: false,
  ...overrides,
})
const to = (path: string, extra: Partial<GuardTarget> = {}): GuardTarget => ({ path, fullPath: path, ...extra })

describe('decideNavigation', () => {
  it('lets anyone see public pages', () => {
    expect(decideNavigation(to('/portal'), null)).toEqual({ allow: true })
  })

  it('sends signed-out users to the sign-in page with the way back', () => {
    expect(decideNavigation(to('/console/staff', { fullPath: '/console/staff?page=2', roles: ['admin'] }), null)).toEqual({
      allow: false,
      to: { path: '/console/login', query: { redirect: '/console/staff?page=2' } },
    })
  })

  it('forces a password change before anything else, but allows the password page itself', () => {
    const pending = user({ mustChangePassword: true })
    expect(decideNavigation(to('/console', { roles: 'staff' }), pending)).toEqual({ allow: false, to: { path: '/console/password' } })
    expect(decideNavigation(to('/console/audit', { roles: ['auditor'] }), user({ mustChangePassword: true, roles: ['auditor'] }))).toEqual({
      allow: false,
      to: { path: '/console/password', query: { redirect: '/console/audit' } },
    })
    expect(decideNavigation(to('/console/password', { roles: 'staff' }), pending)).toEqual({ allow: true })
  })

  it('sends users without the role to 403 and lets those with it in', () => {
    expect(decideNavigation(to('/console/staff', { roles: ['admin'] }), user())).toEqual({ allow: false, to: { path: '/console/403' } })
    expect(decideNavigation(to('/console/audit', { roles: ['auditor', 'admin'] }), user({ roles: ['admin'] }))).toEqual({ allow: true })
    expect(decideNavigation(to('/console', { roles: 'staff' }), user())).toEqual({ allow: true })
  })

  it('moves signed-in users past the sign-in page to a safe redirect', () => {
    const login = (redirect: unknown) => to('/console/login', { guestOnly: true, redirect })
    expect(decideNavigation(login(undefined), null)).toEqual({ allow: true })
    expect(decideNavigation(login('/console/audit/7'), user())).toEqual({ allow: false, to: { path: '/console/audit/7' } })
    expect(decideNavigation(login('https://evil.example/'), user())).toEqual({ allow: false, to: { path: '/console' } })
    expect(decideNavigation(login('/console'), user({ mustChangePassword: true }))).toEqual({ allow: false, to: { path: '/console/password' } })
  })
})

describe('safeRedirect', () => {
  it('accepts console paths only', () => {
    expect(safeRedirect('/console/staff?q=a')).toBe('/console/staff?q=a')
    expect(safeRedirect('//evil.example/console')).toBeNull()
    expect(safeRedirect('/portal')).toBeNull()
    expect(safeRedirect('/console\\@evil')).toBeNull()
    expect(safeRedirect('/console/login?redirect=/console')).toBeNull()
    expect(safeRedirect(['/console'])).toBeNull()
  })
})
