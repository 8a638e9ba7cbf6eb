import type { BindingRequestInfo } from '@core/contracts/bindings'
import { describe, expect, it } from 'vitest'
import { bindingFiltersFrom, cardKindFor, cardKindForAccountId, codeExpired, openRequest } from './binding-view'

const NOW = Date.parse('2026-11-22T06:00:00Z')
const request = (id: number, status: BindingRequestInfo['status'], codeExpiresAt: string | null = null) => ({ id, status, codeExpiresAt }) as BindingRequestInfo

describe('binding view', () => {
  it('fixes the card kind by the account category, and guesses it from the account id on the public page', () => {
    expect(cardKindFor('individual')).toBe('moica')
    expect(cardKindFor('company')).toBe('moeaca')
    expect(cardKindForAccountId('82656552')).toBe('moeaca')
    expect(cardKindForAccountId('chen@example.tw')).toBe('moica')
  })

  it('finds the request that blocks a new one: under review, or a code not yet expired', () => {
    expect(openRequest([request(3, 'rejected'), request(2, 'bound')], NOW)).toBeNull()
    expect(openRequest([request(3, 'rejected'), request(2, 'submitted')], NOW)?.id).toBe(2)
    expect(openRequest([request(4, 'code-issued', '2026-11-22T06:00:01Z')], NOW)?.id).toBe(4)
    expect(openRequest([request(4, 'code-issued', '2026-11-22T06:00:00Z')], NOW)).toBeNull()
    expect(codeExpired(request(4, 'code-issued', '2026-11-21T00:00:00Z'), NOW)).toBe(true)
    expect(codeExpired(request(4, 'bound', '2026-11-21T00:00:00Z'), NOW)).toBe(false)
  })

  it('reads the status filter from the address and ignores anything else', () => {
    expect(bindingFiltersFrom({ status: 'code-issued' })).toEqual({ status: 'code-issued' })
    expect(bindingFiltersFrom({ status: 'deleted' })).toEqual({})
    expect(bindingFiltersFrom({ status: ['submitted'] })).toEqual({})
    expect(bindingFiltersFrom({})).toEqual({})
  })
})
