import { z } from 'zod'
import type { LocalizedText } from '../i18n'
import { brokerCodeSchema, nationalIdSchema } from '../tw'
import { pageQuery, searchText, type Page } from './paging'
import { cardAnswerShape } from './portal'
import { requiredText } from './text'

/** The 憑證使用類型 of seed 001's 通關憑證註冊, in the order the portal lists them. */
export const registrationUseTypes = ['broker', 'general', 'shipping', 'warehouse', 'customs-broker', 'offshore-duty-free', 'duty-free', 'airline'] as const
export type RegistrationUseType = (typeof registrationUseTypes)[number]

export const registrationUseTypeNames: Record<RegistrationUseType, LocalizedText> = {
  broker: { 'zh-TW': '報關專責人員', en: 'Licensed customs broker' },
  general: { 'zh-TW': '一般企業/報關承攬業', en: 'General business or forwarder' },
  shipping: { 'zh-TW': '船公司/代理業', en: 'Shipping line or agent' },
  warehouse: { 'zh-TW': '倉儲業', en: 'Warehouse' },
  'customs-broker': { 'zh-TW': '報關業', en: 'Customs broker firm' },
  'offshore-duty-free': { 'zh-TW': '離島免稅購物商店系統', en: 'Offshore-island duty-free shops' },
  'duty-free': { 'zh-TW': '國際免稅商店', en: 'International duty-free shop' },
  airline: { 'zh-TW': '航空公司', en: 'Airline' },
}

/** Seed 001: a broker registers only a non-IC customs certificate; every other use type may also load a card. */
export const BROKER_USE_TYPE: RegistrationUseType = 'broker'

/** 憑證型態: 'ic' = loaded from a smart card (IC卡), 'file' = an uploaded .cer (非IC卡類憑證). */
export const registrationForms = ['file', 'ic'] as const
export type RegistrationForm = (typeof registrationForms)[number]
export const registrationFormNames: Record<RegistrationForm, LocalizedText> = {
  ic: { 'zh-TW': 'IC卡', en: 'Smart card' },
  file: { 'zh-TW': '非IC卡類憑證', en: 'Certificate file (non-IC)' },
}

/** 憑證種類 of the query table: the signing kinds a registration holds, and the sign-in cards. */
export const registeredKinds = ['customs-personal', 'customs-corporate', 'moeaca', 'moica'] as const
export type RegisteredKind = (typeof registeredKinds)[number]
export const registeredKindNames: Record<RegisteredKind, LocalizedText> = {
  'customs-personal': { 'zh-TW': '報關人員憑證', en: 'Customs broker certificate' },
  'customs-corporate': { 'zh-TW': '通關專屬法人憑證', en: 'Customs corporate certificate' },
  moeaca: { 'zh-TW': '工商憑證', en: 'Company certificate (MOEACA)' },
  moica: { 'zh-TW': '自然人憑證', en: 'Citizen certificate (MOICA)' },
}

/** 用途: a sign-in card of the account (登入) or a registered signing certificate (簽章). */
export const registrationPurposes = ['login', 'sign'] as const
export type RegistrationPurpose = (typeof registrationPurposes)[number]
export const registrationPurposeNames: Record<RegistrationPurpose, LocalizedText> = {
  login: { 'zh-TW': '登入', en: 'Sign-in' },
  sign: { 'zh-TW': '簽章', en: 'Signing' },
}

const useType = z.enum(registrationUseTypes, { message: 'invalidOption' })
const brokerName = requiredText(50)

/** The broker's data the seed's form asks for (身分證字號, 專責人員姓名, 報關專責人員代碼): required for use type broker. */
const brokerFields = {
  brokerIdNumber: nationalIdSchema.optional(),
  brokerName: brokerName.optional(),
  brokerCode: brokerCodeSchema.optional(),
}

/**
 * 通關憑證註冊: an uploaded .cer (base64 DER or PEM text), or a card that proves itself by answering a
 * challenge (its certificate is the one registered). Which kinds a use type accepts is the server's rule.
 */
export const registrationRequest = z
  .discriminatedUnion(
    'form',
    [
      z.strictObject({
        form: z.literal('file'),
        useType,
        certificate: z.string({ message: 'required' }).min(1, { message: 'required' }).max(100_000, { message: 'tooLong' }),
        ...brokerFields,
      }),
      z.strictObject({ form: z.literal('ic'), useType, ...cardAnswerShape }),
    ],
    { message: 'invalidOption' },
  )
  .superRefine((v, ctx) => {
    // A broker's card is refused by the server with its own message (brokers upload a file), not as missing fields.
    if (v.useType !== BROKER_USE_TYPE || v.form !== 'file') return
    for (const field of ['brokerIdNumber', 'brokerName', 'brokerCode'] as const) {
      if (!v[field]) ctx.addIssue({ code: 'custom', message: 'required', path: [field] })
    }
  })
export type RegistrationRequest = z.input<typeof registrationRequest>
export type RegistrationInput = z.output<typeof registrationRequest>

export interface RegistrationCreated {
  id: number
  message: LocalizedText
}

/** Seed 001's success text, shown at the top of the page. */
export const registrationSuccess: LocalizedText = { 'zh-TW': '主憑證匯入成功', en: 'Primary certificate imported' }

/** 通關憑證查詢: `q` is an account id, a national ID, a UBN or a broker code (A00001); always within the user's rights. */
export const registrationListQuery = z.strictObject({ q: searchText, ...pageQuery })
export type RegistrationListQuery = z.input<typeof registrationListQuery>

/** One row of the query table. */
export interface RegistrationRow {
  /** unique in the table: `login-<card id>` or `sign-<registration id>` */
  key: string
  /** the registration to delete; null for a sign-in card */
  registrationId: number | null
  purpose: RegistrationPurpose
  form: RegistrationForm
  kind: RegisteredKind
  /** the account the card or the registration belongs to */
  accountId: string
  useType: RegistrationUseType | null
  ubn: string | null
  brokerCode: string | null
  serialHex: string
  subjectDn: string
  issuerDn: string
  notBefore: string
  notAfter: string
  /** a signing certificate revoked or held after it was registered no longer verifies */
  certificateStatus: 'valid' | 'suspended' | 'revoked'
  registeredAt: string
  deletable: boolean
}
export type RegistrationPage = Page<RegistrationRow>
