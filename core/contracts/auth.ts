import { z } from 'zod'
import type { OfficeCode } from './offices'
import type { Role } from './roles'

/** The portal's password rule (seed 001), also used for staff: 8+ characters with a digit, upper and lower case. */
export function meetsPasswordRule(password: string): boolean {
  return password.length >= 8 && /\d/.test(password) && /[A-Z]/.test(password) && /[a-z]/.test(password)
}

export const passwordSchema = z
  .string({ message: 'required' })
  .max(128, { message: 'tooLong' })
  .refine(meetsPasswordRule, { message: 'passwordRule' })

export const loginRequest = z.strictObject({
  username: z.string({ message: 'required' }).trim().min(1, { message: 'required' }).max(64, { message: 'tooLong' }),
  password: z.string({ message: 'required' }).min(1, { message: 'required' }).max(256, { message: 'tooLong' }),
})
export type LoginRequest = z.infer<typeof loginRequest>

export const changePasswordRequest = z
  .strictObject({
    currentPassword: z.string({ message: 'required' }).min(1, { message: 'required' }).max(256, { message: 'tooLong' }),
    newPassword: passwordSchema,
  })
  .refine((v) => v.currentPassword !== v.newPassword, { message: 'passwordReused', path: ['newPassword'] })
export type ChangePasswordRequest = z.infer<typeof changePasswordRequest>

/** The signed-in staff member, as the console sees them. */
export interface SessionUser {
  id: number
  username: string
  displayName: string
  officeCode: OfficeCode
  roles: Role[]
  mustChangePassword: boolean
}

/** Returned by login and by GET /api/auth/me; the console sends csrfToken back as X-CSRF-Token. */
export interface SessionInfo {
  user: SessionUser
  csrfToken: string
  /** ISO time at which the session ends if idle, and its absolute end */
  idleExpiresAt: string
  absoluteExpiresAt: string
}

export const CSRF_HEADER = 'x-csrf-token'
export const SESSION_COOKIE = 'certdesk_sid'
