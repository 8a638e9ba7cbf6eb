import type { LocalizedText } from './i18n'
import { twMessages } from './tw/messages'

/**
 * Field-level messages shared by the server (validation errors) and the web (live validation),
 * so a rule says the same thing wherever it is checked. Keys are stable; zod schemas use them as messages.
 */
export const fieldMessages = {
  ...twMessages,
  required: { 'zh-TW': '此欄位為必填', en: 'This field is required' },
  invalidType: { 'zh-TW': '資料型態不正確', en: 'Wrong type of value' },
  tooShort: { 'zh-TW': '至少需 {min} 個字元', en: 'At least {min} characters' },
  tooLong: { 'zh-TW': '最多 {max} 個字元', en: 'At most {max} characters' },
  tooSmall: { 'zh-TW': '不可小於 {min}', en: 'Must be at least {min}' },
  tooBig: { 'zh-TW': '不可大於 {max}', en: 'Must be at most {max}' },
  invalidFormat: { 'zh-TW': '格式不正確', en: 'Invalid format' },
  controlCharacter: { 'zh-TW': '含有不允許的控制字元（如 NUL 或換行），請刪除後再送出', en: 'Contains a control character (such as NUL or a line break) that is not allowed here; remove it and try again' },
  invisibleCharacter: {
    'zh-TW': '含有看不見的格式字元（如文字方向覆寫 U+202E 或零寬空白），請刪除後再送出',
    en: 'Contains an invisible formatting character (such as the right-to-left override U+202E or a zero-width space); remove it and try again',
  },
  brokenUnicode: { 'zh-TW': '含有不完整的 Unicode 字元（單獨的代理字元），請重新輸入', en: 'Contains a broken Unicode character (a lone surrogate); type the text again' },
  invalidOption: { 'zh-TW': '不是可選的值', en: 'Not one of the allowed values' },
  unknownField: { 'zh-TW': '不接受此欄位', en: 'This field is not accepted' },
  invalidEmail: { 'zh-TW': '電子郵件格式不正確', en: 'Invalid e-mail address' },
  invalidDate: { 'zh-TW': '日期格式不正確', en: 'Invalid date' },
  passwordRule: {
    'zh-TW': '密碼至少 8 個字元，且須包含數字、大寫與小寫英文字母',
    en: 'The password needs at least 8 characters, with a digit, an upper-case and a lower-case letter',
  },
  passwordReused: { 'zh-TW': '新密碼不可與目前密碼相同', en: 'The new password must differ from the current one' },
  passwordWrong: { 'zh-TW': '目前密碼不正確', en: 'The current password is wrong' },
  usernameFormat: {
    'zh-TW': '帳號限用小寫英文字母、數字、點、底線與連字號，3 至 32 字元',
    en: 'Usernames use 3–32 lower-case letters, digits, dots, underscores or hyphens',
  },
  usernameTaken: { 'zh-TW': '此帳號已存在', en: 'This username is already taken' },
  rolesRequired: { 'zh-TW': '至少選擇一個角色', en: 'Choose at least one role' },
  unknownOffice: { 'zh-TW': '沒有這個關別', en: 'No such customs office' },
  cursorInvalid: { 'zh-TW': '分頁游標無效，請重新查詢', en: 'Invalid page cursor; search again' },
  boxNoFormat: { 'zh-TW': '箱號為 3 個英數字', en: 'The box number is 3 letters or digits' },
  brokerOfficeMismatch: {
    'zh-TW': '專責報關人員代碼的字母須與所屬關別相符（A 基隆、C 臺北、D 臺中、B 高雄）',
    en: "The broker code's letter must match the office (A Keelung, C Taipei, D Taichung, B Kaohsiung)",
  },
  privacyConsentRequired: { 'zh-TW': '請勾選已詳閱隱私權說明', en: 'Please confirm you have read the privacy notice' },
  checksReviewedRequired: { 'zh-TW': '請確認已檢視所有比對結果', en: 'Confirm that you have reviewed every check' },
  passwordMismatch: { 'zh-TW': '兩次輸入的密碼不一致', en: 'The passwords do not match' },
  bindingCodeFormat: { 'zh-TW': '驗證碼為 8 個英數字', en: 'The code is 8 letters or digits' },
  dateRange: { 'zh-TW': '起日不可晚於迄日', en: 'The start date must not be after the end date' },
  documentRequired: { 'zh-TW': '請確認已收到此文件', en: 'Confirm that this document was received' },
  officeCheckRequired: { 'zh-TW': '請確認已完成委任關係審核', en: 'Confirm that the office has checked the appointment' },
  dateRangeTooLong: { 'zh-TW': '查詢期間最長 5 年', en: 'The period may span at most 5 years' },
} satisfies Record<string, LocalizedText>

export type FieldMessageKey = keyof typeof fieldMessages

export function isFieldMessageKey(key: string): key is FieldMessageKey {
  return Object.hasOwn(fieldMessages, key)
}
