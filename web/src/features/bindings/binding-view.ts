import { bindingStatuses, type BindingCardKind, type BindingRequestInfo, type BindingStatus } from '@core/contracts/bindings'
import type { PortalCategory } from '@core/contracts/portal'
import type { LocationQuery } from 'vue-router'
import type { BindingFilters } from './queries'

/** Seed 004: a person binds the citizen card (自然人憑證), a company its business card (工商憑證); the server insists too. */
export const cardKindFor = (category: PortalCategory): BindingCardKind => (category === 'individual' ? 'moica' : 'moeaca')

/** On the public bind page nobody is signed in: the account id says the category (an e-mail is a person's, seed 001). */
export const cardKindForAccountId = (accountId: string): BindingCardKind => (accountId.includes('@') ? 'moica' : 'moeaca')

export const codeExpired = (item: Pick<BindingRequestInfo, 'status' | 'codeExpiresAt'>, now: number): boolean =>
  item.status === 'code-issued' && !!item.codeExpiresAt && Date.parse(item.codeExpiresAt) <= now

/** The request that keeps the holder from filing another (as the server decides): one under review or with a live code. */
export function openRequest(items: readonly BindingRequestInfo[], now: number): BindingRequestInfo | null {
  return items.find((item) => item.status === 'submitted' || (item.status === 'code-issued' && !codeExpired(item, now))) ?? null
}

/** The status filter lives in the address, so a reload or a shared link shows the same list; junk is ignored. */
export function bindingFiltersFrom(query: LocationQuery | Record<string, unknown>): BindingFilters {
  const status = typeof query.status === 'string' ? query.status : ''
  return (bindingStatuses as readonly string[]).includes(status) ? { status: status as BindingStatus } : {}
}
