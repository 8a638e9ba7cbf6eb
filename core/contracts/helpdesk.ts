import { z } from 'zod'
import { passwordSchema } from './auth'
import { cursorQuery, searchText, type CursorPage } from './paging'
import { plainText, requiredText } from './text'

/**
 * The helpdesk's caller check (issue 7): the caller names the ID or UBN, the birth date (a person) or the
 * company's representative, and the registered e-mail. Every action re-checks it on the server.
 */
export const checklistShape = z.strictObject({
  idOrUbn: z.string({ message: 'required' }).trim().toUpperCase().min(1, { message: 'required' }).max(10, { message: 'tooLong' }),
  birthDateOrRepresentative: requiredText(50),
  email: z.string({ message: 'required' }).trim().toLowerCase().min(1, { message: 'required' }).max(254, { message: 'tooLong' }),
})
export type Checklist = z.infer<typeof checklistShape>

export const accountSearchQuery = z.strictObject({ q: searchText })

/** A portal account as the helpdesk sees it: the ID number masked (A12****789). */
export interface HelpdeskAccount {
  id: number
  accountId: string
  category: 'individual' | 'company'
  name: string
  maskedIdNumber: string | null
  ubn: string | null
  email: string
  migrated: boolean
  hasPassword: boolean
  mustChangePassword: boolean
  lockedUntil: string | null
  status: 'active' | 'disabled'
  cards: { kind: string; serialHex: string; notAfter: string; boundVia: string }[]
  createdAt: string
}

export const checklistRequest = z.strictObject({ checklist: checklistShape })
export const emailChangeRequest = z.strictObject({
  checklist: checklistShape,
  newEmail: z.string({ message: 'required' }).trim().toLowerCase().max(254, { message: 'tooLong' }).pipe(z.email({ message: 'invalidEmail' })),
  reason: plainText(200, { required: true, multiline: true }),
})
export const decideEmailChangeRequest = z.strictObject({ version: z.number({ message: 'required' }).int().min(1), approve: z.boolean({ message: 'required' }) })

/** The e-mail changes, newest first: the pending ones to decide, or the decided ones (a log, keyset-paged). */
export const emailChangeListQuery = z.strictObject({
  status: z.enum(['pending', 'approved', 'rejected'], { message: 'invalidOption' }).optional(),
  ...cursorQuery,
})
export type EmailChangeListQuery = z.input<typeof emailChangeListQuery>

export interface EmailChangeInfo {
  id: number
  accountId: string
  oldEmail: string
  newEmail: string
  reason: string
  status: 'pending' | 'approved' | 'rejected'
  requestedBy: string
  requestedAt: string
  decidedBy: string | null
  decidedAt: string | null
  version: number
}
export type EmailChangePage = CursorPage<EmailChangeInfo>

/** The portal's reset page: the token from the mailed link and the new password. */
export const resetPasswordRequest = z.strictObject({
  token: z.string({ message: 'required' }).min(1, { message: 'required' }).max(100, { message: 'tooLong' }),
  newPassword: passwordSchema,
})

/** A reset link stays valid this long. */
export const RESET_LINK_HOURS = 24
