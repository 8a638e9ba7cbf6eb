import type { SessionUser } from '../../../core/contracts/auth'
import type { BrokerRecord, FirmRecord } from '../../../core/contracts/broker-records'
import { AppError } from '../../../core/errors'
import type { LocalizedText } from '../../../core/i18n'
import { taipeiDate } from '../../../core/tw'
import type { Db } from '../../../db/client'
import { findBrokerRecord, findFirmRecord } from '../broker-records/broker-records.service'
import { inOffice } from './reassignments.view'

/** Bad input on a field: 400, the text on the field and at the top. */
export function badField(field: string, text: LocalizedText): AppError {
  return new AppError('VALIDATION_FAILED', { message: text, fieldErrors: { [field]: text } })
}

/** The records do not allow it now (not appointed, disqualified, licence suspended …): 409, naming the field. */
export function refuse(field: string, text: LocalizedText): AppError {
  return new AppError('CONFLICT', { message: text, fieldErrors: { [field]: text } })
}

export const brokerLabel = (b: { name: string; code: string }) => `${b.name}（${b.code}）`
export const firmLabel = (f: { name: string; ubn: string }) => `${f.name}（${f.ubn}）`

export function requireBroker(db: Db, code: string, field = 'brokerCode'): BrokerRecord {
  const broker = findBrokerRecord(db, code)
  if (!broker) throw badField(field, { 'zh-TW': `查無專責報關人員 ${code}`, en: `There is no broker with code ${code}` })
  return broker
}

export function requireFirm(db: Db, ubn: string, field: string): FirmRecord {
  const firm = findFirmRecord(db, ubn)
  if (!firm) throw badField(field, { 'zh-TW': `查無統一編號 ${ubn} 的業者`, en: `There is no firm with UBN ${ubn}` })
  return firm
}

export function requireQualified(broker: BrokerRecord): void {
  if (broker.qualificationStatus === 'disqualified') {
    throw refuse('brokerCode', { 'zh-TW': `專責報關人員 ${brokerLabel(broker)} 已喪失資格`, en: `Broker ${broker.name} (${broker.code}) has been disqualified` })
  }
}

/** A record shows what has happened: a date after today (in Taipei) is refused on its field. */
export function assertNotFuture(date: string, now: Date, field: string): void {
  const today = taipeiDate(now)
  if (date > today) throw badField(field, { 'zh-TW': `日期不可晚於今日（${today}）`, en: `The date cannot be later than today (${today})` })
}

/** Office staff act on their own office's firms and brokers; headquarters staff on every office's. */
export function assertOffice(user: SessionUser, officeCode: string | null, field: string, what: LocalizedText): void {
  if (inOffice(user, officeCode)) return
  const text = { 'zh-TW': `${what['zh-TW']}不屬於貴關別，請由所屬關別辦理`, en: `${what.en} belongs to another customs office; that office handles it` }
  throw new AppError('FORBIDDEN', { message: text, fieldErrors: { [field]: text } })
}
