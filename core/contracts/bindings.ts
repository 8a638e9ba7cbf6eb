import { z } from 'zod'
import type { LocalizedText } from '../i18n'
import { cursorQuery, type CursorPage } from './paging'
import { cardAnswerShape } from './portal'
import { plainText } from './text'

/**
 * Binding a card to an existing account (seed 004): the holder uploads the sealed account form, a clerk
 * confirms it and a one-time code is mailed, the holder binds the card with account id + code.
 */
export const bindingStatuses = ['submitted', 'code-issued', 'bound', 'rejected'] as const
export type BindingStatus = (typeof bindingStatuses)[number]
export const bindingStatusNames: Record<BindingStatus, LocalizedText> = {
  submitted: { 'zh-TW': '待審核', en: 'Awaiting review' },
  'code-issued': { 'zh-TW': '已寄發驗證碼', en: 'Code sent' },
  bound: { 'zh-TW': '已綁定', en: 'Bound' },
  rejected: { 'zh-TW': '已退件', en: 'Rejected' },
}
export const cardKinds = ['moica', 'moeaca'] as const
export type BindingCardKind = (typeof cardKinds)[number]

/** How long a mailed code may be used. */
export const BINDING_CODE_DAYS = 7

export interface BindingRequestInfo {
  id: number
  accountId: string
  category: 'individual' | 'company'
  name: string
  ubn: string | null
  email: string
  cardKind: BindingCardKind
  status: BindingStatus
  formName: string
  formMime: string
  formSize: number
  createdAt: string
  decidedAt: string | null
  decidedBy: string | null
  rejectReason: string | null
  codeExpiresAt: string | null
  boundAt: string | null
  version: number
}
export type BindingPage = CursorPage<BindingRequestInfo>

export const bindingListQuery = z.strictObject({
  status: z.enum(bindingStatuses, { message: 'invalidOption' }).optional(),
  ...cursorQuery,
})
export type BindingListQuery = z.infer<typeof bindingListQuery>

export const bindingCardKindField = z.enum(cardKinds, { message: 'invalidOption' })

export const confirmBindingRequest = z.strictObject({ version: z.number({ message: 'required' }).int().min(1) })
export const rejectBindingRequest = z.strictObject({
  version: z.number({ message: 'required' }).int().min(1),
  reason: plainText(200, { required: true, multiline: true }),
})

/** The holder binds the card: account id (a company's UBN), the mailed code, and the card's answer to a challenge. */
export const bindCardRequest = z.strictObject({
  accountId: z.string({ message: 'required' }).trim().toLowerCase().min(1, { message: 'required' }).max(254, { message: 'tooLong' }),
  code: z
    .string({ message: 'required' })
    .trim()
    .toUpperCase()
    .transform((v) => v.replace(/[\s-]/g, ''))
    .pipe(z.string().regex(/^[A-Z0-9]{8}$/, { message: 'bindingCodeFormat' })),
  ...cardAnswerShape,
})
export type BindCardRequest = z.input<typeof bindCardRequest>
