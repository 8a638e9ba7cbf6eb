import type { LocalizedText } from '../i18n'

/**
 * Messages for the Taiwan identifier schemas, keyed like `fieldMessages` in core/messages.ts so the
 * lead can merge them there. A format message and a checksum message are separate keys because the
 * user fixes them differently: a wrong length is a typo in the shape, a wrong check digit is a typo
 * somewhere in the digits.
 */
export const twMessages = {
  ubnFormat: { 'zh-TW': '統一編號須為 8 位數字', en: 'The UBN must be 8 digits' },
  ubnAllZeros: { 'zh-TW': '統一編號不可為 00000000', en: 'The UBN cannot be 00000000' },
  invalidUbn: { 'zh-TW': '統一編號檢查碼不正確', en: 'The UBN check digit is wrong' },
  personIdFormat: {
    'zh-TW': '身分證號或統一證號須為 10 碼：1 個英文字母加 9 碼，或 2 個英文字母加 8 位數字',
    en: 'The ID number has 10 characters: a letter and 9 more, or two letters and 8 digits',
  },
  nationalIdFormat: {
    'zh-TW': '身分證字號須為 1 個英文字母、數字 1 或 2，再加 8 位數字',
    en: 'The national ID is a letter, then 1 or 2, then 8 digits',
  },
  invalidPersonId: { 'zh-TW': '身分證號或統一證號檢查碼不正確', en: 'The ID number check digit is wrong' },
  invalidBrokerCode: {
    'zh-TW': '專責報關人員代碼須為關別字母（A、B、C、D）加 5 位數字，例如 A00001',
    en: 'The broker code is an office letter (A, B, C or D) and 5 digits, e.g. A00001',
  },
  invalidPhone: {
    'zh-TW': '電話須為區碼加號碼，可加分機，例如 02-25505500#1234',
    en: 'The phone number needs an area code and number, optionally an extension, e.g. 02-25505500#1234',
  },
  invalidMobile: { 'zh-TW': '手機號碼須為 09 開頭的 10 位數字，例如 0900123456', en: 'The mobile number is 10 digits starting with 09, e.g. 0900123456' },
  invalidRocDate: {
    'zh-TW': '民國日期格式不正確或日期不存在，例如 107/12/07',
    en: 'The ROC date is malformed or does not exist, e.g. 107/12/07',
  },
  invalidCitizenCertNumber: {
    'zh-TW': '自然人憑證卡號須為 2 個英文字母加 14 位數字',
    en: 'The citizen certificate card number is two letters and 14 digits',
  },
} satisfies Record<string, LocalizedText>

export type TwMessageKey = keyof typeof twMessages
