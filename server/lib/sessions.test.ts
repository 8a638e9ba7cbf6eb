import { describe, expect, it } from 'vitest'
import { hashToken, newToken, sessionExpiries, sessionState } from './sessions'

const policy = { idleMinutes: 30, absoluteHours: 12 }
const start = '2026-11-22T00:00:00.000Z'
const at = (minutes: number) => new Date(Date.parse(start) + minutes * 60_000)

describe('session expiry', () => {
  it('is active until 30 minutes without a request, then idle-expired', () => {
    expect(sessionState({ createdAt: start, lastSeenAt: start }, at(29.99), policy)).toBe('active')
    expect(sessionState({ createdAt: start, lastSeenAt: start }, at(30), policy)).toBe('idle-expired')
  })

  it('ends 12 hours after creation even when used a minute ago', () => {
    const lastSeenAt = at(12 * 60 - 1).toISOString()
    expect(sessionState({ createdAt: start, lastSeenAt }, at(12 * 60 - 0.5), policy)).toBe('active')
    expect(sessionState({ createdAt: start, lastSeenAt }, at(12 * 60), policy)).toBe('absolute-expired')
  })

  it('reports the idle end no later than the absolute end', () => {
    const { idle, absolute } = sessionExpiries({ createdAt: start, lastSeenAt: at(700).toISOString() }, policy)
    expect(absolute.toISOString()).toBe('2026-11-22T12:00:00.000Z')
    expect(idle.getTime()).toBe(absolute.getTime())
  })

  it('stores only a hash of an unguessable token', () => {
    const token = newToken()
    expect(token).toMatch(/^[\w-]{43}$/)
    expect(newToken()).not.toBe(token)
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/)
    expect(hashToken(token)).not.toContain(token)
  })
})
