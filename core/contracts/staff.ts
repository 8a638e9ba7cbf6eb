import { z } from 'zod'
import { officeCodeSchema, type OfficeCode } from './offices'
import { pageQuery, searchText, sortOrderSchema, type Page } from './paging'
import { roleSchema, type Role } from './roles'
import { requiredText } from './text'

export const usernameSchema = z
  .string({ message: 'required' })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, { message: 'usernameFormat' })

const displayName = requiredText(50)
const email = z
  .string()
  .trim()
  .max(254, { message: 'tooLong' })
  .refine((v) => v === '' || z.email().safeParse(v).success, { message: 'invalidEmail' })
  .nullish()
  .transform((v) => (v ? v : null))
const roleList = z
  .array(roleSchema, { message: 'invalidType' })
  .min(1, { message: 'rolesRequired' })
  .max(5, { message: 'tooBig' })
  .transform((list) => [...new Set(list)])

export const createStaffRequest = z.strictObject({
  username: usernameSchema,
  displayName,
  email,
  officeCode: officeCodeSchema,
  roles: roleList,
})
export type CreateStaffRequest = z.input<typeof createStaffRequest>

export const updateStaffRequest = z.strictObject({
  displayName,
  email,
  officeCode: officeCodeSchema,
  roles: roleList,
  version: z.number({ message: 'required' }).int().min(1),
})
export type UpdateStaffRequest = z.input<typeof updateStaffRequest>

/** For actions that only need the version the user saw (disable, enable, unlock, reset password). */
export const staffActionRequest = z.strictObject({ version: z.number({ message: 'required' }).int().min(1) })

export const staffSortFields = ['username', 'displayName', 'officeCode', 'lastLoginAt', 'createdAt'] as const
export const staffListQuery = z.strictObject({
  q: searchText,
  officeCode: officeCodeSchema.optional(),
  role: roleSchema.optional(),
  status: z.enum(['active', 'disabled'], { message: 'invalidOption' }).optional(),
  sort: z.enum(staffSortFields, { message: 'invalidOption' }).default('username'),
  order: sortOrderSchema,
  ...pageQuery,
})
export type StaffListQuery = z.input<typeof staffListQuery>

export interface Staff {
  id: number
  username: string
  displayName: string
  email: string | null
  officeCode: OfficeCode
  roles: Role[]
  status: 'active' | 'disabled'
  /** locked after too many failed sign-ins, until this ISO time */
  lockedUntil: string | null
  mustChangePassword: boolean
  lastLoginAt: string | null
  createdAt: string
  version: number
}
export type StaffPage = Page<Staff>

/** A generated temporary password is shown once, to the admin who created or reset the account. */
export interface StaffWithPassword {
  staff: Staff
  temporaryPassword: string
}
