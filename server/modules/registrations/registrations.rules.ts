import type { PortalUser } from '../../../core/contracts/portal'
import { BROKER_USE_TYPE, type RegistrationInput } from '../../../core/contracts/registrations'
import { AppError } from '../../../core/errors'
import type { LocalizedText } from '../../../core/i18n'
import type { CertificateInfo } from '../../../core/pki'
import type { Db } from '../../../db/client'
import { findActiveAppointment, findBrokerRecord } from '../broker-records/broker-records.service'
import { kindName, refuse } from './registrations.certificate'

export type SigningKind = 'customs-personal' | 'customs-corporate' | 'moeaca'

/**
 * Seed 001, step 2: a broker imports only a non-IC customs-dedicated certificate; a company imports a .cer
 * (customs corporate or 工商憑證) or loads its 工商憑證 card.
 */
export function assertKindFor(body: RegistrationInput, info: CertificateInfo, field: string): SigningKind {
  const kind = info.kind
  const is = (text: LocalizedText) => ({ 'zh-TW': `此憑證為「${kindName(kind)['zh-TW']}」，${text['zh-TW']}`, en: `This is ${kindName(kind).en}; ${text.en}` })
  if (body.useType === BROKER_USE_TYPE) {
    if (kind !== 'customs-personal') throw refuse('WRONG_CARD', field, is({ 'zh-TW': '報關專責人員請匯入本人的通關專屬憑證（.cer）', en: "a broker imports the broker's own customs-dedicated certificate (.cer)" }))
    return kind
  }
  if (body.form === 'ic') {
    if (kind !== 'moeaca') throw refuse('WRONG_CARD', field, is({ 'zh-TW': '請使用公司的工商憑證卡', en: "use the company's MOEACA card" }))
    return kind
  }
  if (kind === 'customs-personal') {
    throw refuse('WRONG_CARD', field, is({ 'zh-TW': '報關專責人員的憑證請選擇使用類型「報關專責人員」', en: "for a broker's certificate choose the use type “Licensed customs broker”" }))
  }
  if (kind !== 'customs-corporate' && kind !== 'moeaca') {
    throw refuse('WRONG_CARD', field, is({ 'zh-TW': '公司請匯入通關專屬法人憑證或工商憑證', en: 'a company imports a customs corporate certificate or a MOEACA certificate' }))
  }
  return kind
}

/** Who may use which use type: a person registers only as a broker (their own certificate). */
export function assertUseTypeFor(user: PortalUser, body: RegistrationInput): void {
  if (body.useType === BROKER_USE_TYPE && body.form === 'ic') {
    throw refuse('WRONG_CARD', 'form', { 'zh-TW': '報關專責人員僅能匯入非IC卡類憑證（通關專屬憑證）', en: 'A broker can only import a certificate file (non-IC), the customs-dedicated certificate' })
  }
  if (user.category === 'individual' && body.useType !== BROKER_USE_TYPE) {
    throw refuse('FORBIDDEN', 'useType', { 'zh-TW': '個人帳號僅能註冊報關專責人員本人的憑證', en: "An individual account registers only the broker's own certificate" })
  }
}

/** A company's certificate names the company: its UBN is the account's. */
export function companyUbn(user: PortalUser, info: CertificateInfo, field: string): string {
  const own = user.ubn ?? ''
  if (info.identity.ubn !== own) {
    throw refuse('IDENTITY_MISMATCH', field, {
      'zh-TW': `憑證的統一編號（${info.identity.ubn ?? '無'}）不是貴公司的統一編號（${own}）`,
      en: `The certificate's UBN (${info.identity.ubn ?? 'none'}) is not your company's (${own})`,
    })
  }
  return own
}

const sameName = (a: string, b: string) => a.normalize('NFC').replace(/\s+/g, '') === b.normalize('NFC').replace(/\s+/g, '')

/**
 * A broker's certificate: the typed code is the certificate's, the typed ID and name are the broker record's,
 * the broker is qualified and appointed (委任) to the firm. A company registers for itself; a person registers
 * their own certificate (their ID is the record's) for the firm they are appointed to. Returns that firm's UBN.
 */
export function brokerFirm(db: Db, user: PortalUser, ownIdNumber: string | null, body: { brokerCode?: string; brokerIdNumber?: string; brokerName?: string }, info: CertificateInfo): string {
  const code = body.brokerCode ?? ''
  if (info.identity.brokerCode !== code) {
    throw refuse('IDENTITY_MISMATCH', 'brokerCode', { 'zh-TW': `報關專責人員代碼與憑證不符（憑證為 ${info.identity.brokerCode ?? '無'}）`, en: `The broker code does not match the certificate (${info.identity.brokerCode ?? 'none'})` })
  }
  const broker = findBrokerRecord(db, code)
  if (!broker) throw refuse('IDENTITY_MISMATCH', 'brokerCode', { 'zh-TW': '查無此報關專責人員代碼', en: 'There is no broker with this code' })
  if (broker.qualificationStatus !== 'qualified') throw refuse('IDENTITY_MISMATCH', 'brokerCode', { 'zh-TW': '此報關專責人員已喪失資格', en: 'This broker is no longer qualified' })
  const fieldErrors: Record<string, LocalizedText> = {}
  if (body.brokerIdNumber !== broker.nationalId) fieldErrors.brokerIdNumber = { 'zh-TW': '身分證字號與報關專責人員資料不符', en: 'The ID number does not match the broker record' }
  else if (user.category === 'individual' && broker.nationalId !== ownIdNumber) fieldErrors.brokerIdNumber = { 'zh-TW': '個人帳號僅能註冊本人的憑證', en: 'An individual account registers only its own certificate' }
  if (!sameName(body.brokerName ?? '', broker.name)) fieldErrors.brokerName = { 'zh-TW': '姓名與報關專責人員資料不符', en: 'The name does not match the broker record' }
  if (Object.keys(fieldErrors).length > 0) throw new AppError('IDENTITY_MISMATCH', { fieldErrors })

  if (user.category === 'company') {
    const ubn = user.ubn ?? ''
    if (!findActiveAppointment(db, code, ubn)) {
      throw refuse('IDENTITY_MISMATCH', 'brokerCode', { 'zh-TW': `此報關專責人員目前未受委任於貴公司（${ubn}）`, en: `This broker is not currently appointed to your firm (${ubn})` })
    }
    return ubn
  }
  // The firm the certificate names, when the broker still works there; else the firm the broker works for now.
  const firm = broker.activeAppointments.find((a) => a.firmUbn === info.identity.ubn) ?? broker.activeAppointments[0]
  if (!firm) throw refuse('IDENTITY_MISMATCH', 'brokerCode', { 'zh-TW': '此報關專責人員目前未受委任於任何報關業', en: 'This broker is not currently appointed to any customs broker firm' })
  return firm.firmUbn
}
