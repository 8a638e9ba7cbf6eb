import { z } from 'zod'
import type { LocalizedText } from '../i18n'

export const roles = ['clerk', 'supervisor', 'helpdesk', 'auditor', 'admin'] as const
export type Role = (typeof roles)[number]
export const roleSchema = z.enum(roles, { message: 'invalidOption' })

export const roleNames: Record<Role, LocalizedText> = {
  clerk: { 'zh-TW': '承辦人', en: 'Clerk' },
  supervisor: { 'zh-TW': '主管', en: 'Supervisor' },
  helpdesk: { 'zh-TW': '客服', en: 'Helpdesk' },
  auditor: { 'zh-TW': '稽核', en: 'Auditor' },
  admin: { 'zh-TW': '系統管理者', en: 'Administrator' },
}


/**
 * Who may call a route: one of the staff roles; 'staff' = any signed-in staff member who has no pending
 * password change; 'signed-in' = any signed-in staff member, even one who must still change the password;
 * 'public' = anyone. Portal accounts have their own: 'portal' = any signed-in portal account without a pending
 * password change, 'portal-company' = a company account, 'portal-signed-in' = any signed-in portal account.
 */
export type StaffAccess = Role | 'staff' | 'signed-in'
export type PortalAccess = 'portal' | 'portal-company' | 'portal-signed-in'
export type Access = StaffAccess | PortalAccess | 'public'
export const portalAccess: readonly PortalAccess[] = ['portal', 'portal-company', 'portal-signed-in']
