import { z } from 'zod'
import type { LocalizedText } from '../i18n'

/** Customs offices with the codes customs systems use; I is the Customs Administration (headquarters). */
export const officeCodes = ['AA', 'CA', 'DA', 'BA', 'I'] as const
export type OfficeCode = (typeof officeCodes)[number]
/** The four offices that receive applications; headquarters receives none. */
export const customsOfficeCodes = ['AA', 'CA', 'DA', 'BA'] as const satisfies readonly OfficeCode[]
export type CustomsOfficeCode = (typeof customsOfficeCodes)[number]
export const HEADQUARTERS: OfficeCode = 'I'

export const officeNames: Record<OfficeCode, LocalizedText> = {
  AA: { 'zh-TW': '基隆關', en: 'Keelung Customs' },
  CA: { 'zh-TW': '臺北關', en: 'Taipei Customs' },
  DA: { 'zh-TW': '臺中關', en: 'Taichung Customs' },
  BA: { 'zh-TW': '高雄關', en: 'Kaohsiung Customs' },
  I: { 'zh-TW': '關務署', en: 'Customs Administration' },
}

export const officeCodeSchema = z.enum(officeCodes, { message: 'unknownOffice' })

export interface Office {
  code: OfficeCode
  name: LocalizedText
}
