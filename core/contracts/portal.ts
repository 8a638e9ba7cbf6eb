import { z } from 'zod'
import type { LocalizedText } from '../i18n'
import { formatLandline, isValidLandline, isValidMobile, nationalIdSchema, normalizeMobile, ubnSchema } from '../tw'
import { passwordSchema } from './auth'
import { requiredText } from './text'

/** The portal's own cookie: a portal session is never a console session, and the other way round. */
export const PORTAL_SESSION_COOKIE = 'certdesk_portal'

export const portalCategories = ['individual', 'company'] as const
export type PortalCategory = (typeof portalCategories)[number]

/** The attributes of seed 001's step 1, per category. */
export const portalAttributes = {
  individual: ['general', 'broker'],
  company: ['general', 'customs-broker', 'express', 'shipping', 'warehouse', 'inspection', 'customs-inspection', 'offshore-duty-free', 'duty-free', 'government'],
} as const satisfies Record<PortalCategory, readonly string[]>
export type PortalAttribute = (typeof portalAttributes)[PortalCategory][number]

export const portalCategoryNames: Record<PortalCategory, LocalizedText> = {
  individual: { 'zh-TW': '個人', en: 'Individual' },
  company: { 'zh-TW': '企業', en: 'Company' },
}
export const portalAttributeNames: Record<PortalCategory, Record<string, LocalizedText>> = {
  individual: {
    general: { 'zh-TW': '一般個人', en: 'Member of the public' },
    broker: { 'zh-TW': '報關專責人員', en: 'Licensed customs broker' },
  },
  company: {
    general: { 'zh-TW': '一般企業', en: 'General business' },
    'customs-broker': { 'zh-TW': '報關業', en: 'Customs broker firm' },
    express: { 'zh-TW': '快遞', en: 'Express carrier' },
    shipping: { 'zh-TW': '船公司/代理業', en: 'Shipping line or agent' },
    warehouse: { 'zh-TW': '倉儲業', en: 'Warehouse' },
    inspection: { 'zh-TW': '報驗業', en: 'Inspection agent' },
    'customs-inspection': { 'zh-TW': '報關報驗業', en: 'Customs and inspection agent' },
    'offshore-duty-free': { 'zh-TW': '離島免稅購物商店系統', en: 'Offshore-island duty-free shops' },
    'duty-free': { 'zh-TW': '國際免稅商店', en: 'International duty-free shop' },
    government: { 'zh-TW': '政府機關', en: 'Government agency' },
  },
}

const text = requiredText
const email = z.string({ message: 'required' }).trim().toLowerCase().max(254, { message: 'tooLong' }).pipe(z.email({ message: 'invalidEmail' }))

/** A landline (02-25505500#12) or a mobile (0912345678), written in the canonical form either way. */
export const contactPhoneSchema = z
  .string({ message: 'required' })
  .overwrite((raw) => (/^\s*(?:\+?886[\s-]*)?0?9/.test(raw) && normalizeMobile(raw).length === 10 ? normalizeMobile(raw) : formatLandline(raw)))
  .refine((v) => isValidMobile(v) || isValidLandline(v), { message: 'invalidPhone' })

const isoDate = z
  .string({ message: 'required' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'invalidDate' })
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), { message: 'invalidDate' })

/** A card's answer to a server challenge (card-login): the same three fields everywhere a card proves itself. */
export const cardAnswerShape = {
  nonce: z.string({ message: 'required' }).min(1, { message: 'required' }).max(64, { message: 'tooLong' }),
  certificate: z.string({ message: 'required' }).min(1, { message: 'required' }).max(100_000, { message: 'tooLong' }),
  signature: z.string({ message: 'required' }).min(1, { message: 'required' }).max(2_000, { message: 'tooLong' }),
}
export const cardAnswer = z.strictObject(cardAnswerShape)
export type CardAnswer = z.infer<typeof cardAnswer>

/** Step 2: the card proves itself before the user types anything, so "already registered" comes first. */
export const cardCheckRequest = z.strictObject({ category: z.enum(portalCategories, { message: 'invalidOption' }), ...cardAnswerShape })
export type CardCheckRequest = z.infer<typeof cardCheckRequest>

export interface CardCheckResponse {
  kind: 'moica' | 'moeaca'
  name: string | null
  ubn: string | null
  idLast4: string | null
  serialHex: string
  notAfter: string
}

const basicShape = {
  ...cardAnswerShape,
  email,
  contactName: text(50),
  phone: contactPhoneSchema,
  address: text(200),
  password: passwordSchema,
  passwordConfirm: z.string({ message: 'required' }).max(128, { message: 'tooLong' }),
}

/** Steps 3 and 4 in one request, signed again by the same card: the account is created whole or not at all. */
export const registerRequest = z
  .discriminatedUnion(
    'category',
    [
      z.strictObject({
        category: z.literal('individual'),
        attribute: z.enum(portalAttributes.individual, { message: 'invalidOption' }),
        ...basicShape,
        idNumber: nationalIdSchema,
        birthDate: isoDate,
      }),
      z.strictObject({
        category: z.literal('company'),
        attribute: z.enum(portalAttributes.company, { message: 'invalidOption' }),
        ...basicShape,
        ubn: ubnSchema,
        companyName: text(100),
        representative: text(50),
        companyPhone: contactPhoneSchema,
        companyAddress: text(200),
      }),
    ],
    { message: 'invalidOption' },
  )
  .refine((v) => v.password === v.passwordConfirm, { message: 'passwordMismatch', path: ['passwordConfirm'] })
export type RegisterRequest = z.input<typeof registerRequest>

/** The generated account id (seed 001): an individual's e-mail, a company's UBN. */
export function accountIdFor(input: { category: PortalCategory; email?: string; ubn?: string }): string {
  return input.category === 'individual' ? (input.email ?? '').trim().toLowerCase() : (input.ubn ?? '').trim()
}

export const existsQuery = z.strictObject({
  accountId: z.string().trim().max(254, { message: 'tooLong' }).optional(),
  idNumber: z.string().trim().toUpperCase().max(10, { message: 'tooLong' }).optional(),
})
export interface ExistsResponse {
  exists: boolean
}

export const portalLoginRequest = z.strictObject({
  accountId: z.string({ message: 'required' }).trim().min(1, { message: 'required' }).max(254, { message: 'tooLong' }),
  password: z.string({ message: 'required' }).min(1, { message: 'required' }).max(256, { message: 'tooLong' }),
})

/** The signed-in portal account, as the portal sees it. */
export interface PortalUser {
  id: number
  accountId: string
  category: PortalCategory
  attribute: string
  name: string
  ubn: string | null
  companyName: string | null
  mustChangePassword: boolean
  hasPassword: boolean
}

export interface PortalSessionInfo {
  user: PortalUser
  csrfToken: string
  method: 'card' | 'password'
  idleExpiresAt: string
  absoluteExpiresAt: string
}
