import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

export interface SessionPolicy {
  idleMinutes: number
  absoluteHours: number
}

export interface SessionTimes {
  createdAt: string
  lastSeenAt: string
}

export type SessionState = 'active' | 'idle-expired' | 'absolute-expired'

/** Whether a session still holds at `now`: 30 minutes without a request or 12 hours in all end it. */
export function sessionState(s: SessionTimes, now: Date, policy: SessionPolicy): SessionState {
  const t = now.getTime()
  if (t >= Date.parse(s.createdAt) + policy.absoluteHours * 3_600_000) return 'absolute-expired'
  if (t >= Date.parse(s.lastSeenAt) + policy.idleMinutes * 60_000) return 'idle-expired'
  return 'active'
}

export function sessionExpiries(s: SessionTimes, policy: SessionPolicy): { idle: Date; absolute: Date } {
  const absolute = new Date(Date.parse(s.createdAt) + policy.absoluteHours * 3_600_000)
  const idle = new Date(Math.min(Date.parse(s.lastSeenAt) + policy.idleMinutes * 60_000, absolute.getTime()))
  return { idle, absolute }
}

/** A fresh random token for the cookie; only its hash is stored. */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}
