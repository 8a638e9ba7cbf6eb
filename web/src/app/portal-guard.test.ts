import type { PortalUser } from '@core/contracts/portal'
import { describe, expect, it } from 'vitest'
import { decidePortalNavigation, safePortalRedirect } from './portal-guard'

const company: PortalUser = { id: 1, accountId: '52111891', category: 'company', attribute: 'general', name: '公司', ubn: '52111891', companyName: '公司', mustChangePassword: false, hasPassword: true }
const person: PortalUser = { ...company, id: 2, accountId: 'a@b.tw', category: 'individual', ubn: null, companyName: null }

describe('portal navigation', () => {
  it('lets anyone open public pages and sends the signed-out to the portal sign-in with a redirect', () => {
    expect(decidePortalNavigation({ path: '/portal', fullPath: '/portal' }, null)).toEqual({ allow: true })
    expect(decidePortalNavigation({ path: '/portal/applications', fullPath: '/portal/applications?x=1', portal: 'company' }, null)).toEqual({
      allow: false,
      to: { path: '/portal/login', query: { redirect: '/portal/applications?x=1' } },
    })
  })

  it('keeps company pages for company accounts, and sends a pending password change first', () => {
    expect(decidePortalNavigation({ path: '/portal/applications', fullPath: '/portal/applications', portal: 'company' }, person)).toEqual({ allow: false, to: { path: '/portal' } })
    expect(decidePortalNavigation({ path: '/portal/applications', fullPath: '/portal/applications', portal: 'company' }, company)).toEqual({ allow: true })
    expect(decidePortalNavigation({ path: '/portal/registrations', fullPath: '/portal/registrations', portal: 'signed-in' }, { ...person, mustChangePassword: true })).toEqual({ allow: false, to: { path: '/portal/password' } })
  })

  it('only redirects within the portal', () => {
    expect(safePortalRedirect('/portal/applications')).toBe('/portal/applications')
    for (const bad of ['//evil.example', '/console', 'https://evil.example', '/portal\\..', '/portal/login?redirect=x', 42]) expect(safePortalRedirect(bad)).toBeNull()
  })
})
