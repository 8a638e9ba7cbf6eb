import { field, gregorianDate, INDENT, letter, oneLine, portalLine, rocDate, rocDateTime, SUBJECT_TAG, type DateInput, type RenderedMail } from './letter'

/** Our own notices, in the style of the portal's: the tag, what it is, and whom it concerns. */
export const accountSubjects = {
  expiryNotice: `${SUBJECT_TAG}通關專屬憑證即將到期，請辦理展期通知，統一編號:`,
  passwordReset: `${SUBJECT_TAG}帳號密碼重設通知，帳號:`,
  bindingCode: `${SUBJECT_TAG}憑證綁定驗證碼通知，統一編號:`,
} as const

export interface ExpiringCertificate {
  /** e.g. `SingleWindow-01-B00051` */
  name: string
  serialNumber?: string | null
  notAfter: DateInput
}

/** The weekly notice: every certificate of the firm that expires within the next 30 days. */
export interface ExpiryNoticeMailData {
  ubn: string
  companyName?: string | null
  certificates: ExpiringCertificate[]
  portalUrl?: string | null
}

export interface PasswordResetMailData {
  /** the account id: the e-mail of an individual, the UBN of a company */
  account: string
  resetUrl: string
  expiresAt: DateInput
}

export interface BindingCodeMailData {
  ubn: string
  companyName?: string | null
  code: string
  expiresAt?: DateInput | null
  portalUrl?: string | null
}

const instant = (d: DateInput) => (typeof d === 'string' ? Date.parse(d) : d.getTime())

export function expiryNoticeMail(d: ExpiryNoticeMailData): RenderedMail {
  const certificates = [...d.certificates].sort((a, b) => instant(a.notAfter) - instant(b.notAfter))
  const list = certificates.map((c, i) => `${INDENT}${i + 1}. ${oneLine(c.name)}${c.serialNumber ? `（序號 ${oneLine(c.serialNumber)}）` : ''}，有效期限至民國 ${rocDate(c.notAfter)}`)
  return {
    subject: `${accountSubjects.expiryNotice}${oneLine(d.ubn)}`,
    text: letter({
      to: d.companyName,
      paragraphs: [
        `貴公司（統一編號：${oneLine(d.ubn)}）下列通關專屬憑證將於 30 日內到期：`,
        '',
        ...list,
        '',
        portalLine(d.portalUrl, '於到期前提出「展期」申請，以免影響通關訊息之傳輸。'),
        '※憑證到期後即無法用於簽章；如已辦理展期，請忽略本通知。',
      ],
      english: [
        `${certificates.length} customs-dedicated certificate(s) of UBN ${oneLine(d.ubn)} expire within 30 days` +
          (certificates.length ? `, the first on ${gregorianDate(certificates[0]!.notAfter)}.` : '.'),
        'Please apply for renewal before they expire.',
      ],
    }),
  }
}

export function passwordResetMail(d: PasswordResetMailData): RenderedMail {
  return {
    subject: `${accountSubjects.passwordReset}${oneLine(d.account)}`,
    text: letter({
      to: null,
      paragraphs: [
        `我們收到您關港貿單一窗口帳號（${oneLine(d.account)}）之密碼重設申請。請於民國 ${rocDateTime(d.expiresAt)} 前開啟下列連結設定新密碼：`,
        '',
        `${INDENT}${oneLine(d.resetUrl)}`,
        '',
        '此連結僅能使用一次。新密碼至少 8 個字元，且須包含數字、大寫與小寫英文字母。',
        '※若您未提出此申請，請勿開啟連結並儘速與客服中心聯繫；您的密碼不會因本郵件而變更。',
      ],
      english: ['Open the link above to set a new password; it works once and expires at the time stated. If you did not ask for this, ignore this message.'],
    }),
  }
}

export function bindingCodeMail(d: BindingCodeMailData): RenderedMail {
  return {
    subject: `${accountSubjects.bindingCode}${oneLine(d.ubn)}`,
    text: letter({
      to: d.companyName,
      paragraphs: [
        `貴公司（統一編號：${oneLine(d.ubn)}）之帳號申請書業經審核通過，憑證綁定驗證碼如下：`,
        '',
        field('驗證碼', d.code),
        field('有效期限', d.expiresAt ? `民國 ${rocDateTime(d.expiresAt)}` : null),
        '',
        portalLine(d.portalUrl, '於「憑證綁定」輸入統一編號、驗證碼及憑證 PIN 碼，完成綁定。', '請至關港貿單一窗口'),
        '※驗證碼僅供貴公司使用，請勿提供他人；本中心人員不會以任何方式向您索取驗證碼。',
      ],
      english: ['Your account form has been approved. Enter your UBN, the verification code above and your card PIN under "Bind certificate" on the Single Window.'],
    }),
  }
}
