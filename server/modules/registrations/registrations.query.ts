import type { z } from 'zod'
import { brokerListQuery } from '../../../core/contracts/broker-records'
import type { PortalUser } from '../../../core/contracts/portal'
import type { RegistrationPage, RegistrationRow, RegistrationUseType, registrationListQuery } from '../../../core/contracts/registrations'
import { BROKER_CODE_SHAPE, isValidPersonId, normalizeBrokerCode, normalizePersonId, toHalfWidth } from '../../../core/tw'
import type { Db } from '../../../db/client'
import { findBrokerRecord, searchBrokers } from '../broker-records/broker-records.service'
import { findAccountIdentity, listLoginCards, listSigning, type RowFilter } from './registrations.repo'

/** The broker codes whose record carries this national ID (a person is normally one broker). */
function brokerCodesOf(db: Db, idNumber: string): string[] {
  const candidates = searchBrokers({ db, query: brokerListQuery.parse({ q: idNumber }) }).items
  return candidates.map((b) => b.code).filter((code) => findBrokerRecord(db, code)?.nationalId === idNumber)
}

/** A company sees its firm's rows; a person their own rows and those of their broker code (seed 001). */
function rightsOf(db: Db, user: PortalUser): RowFilter['rights'] {
  if (user.category === 'company') return { ubn: user.ubn ?? '' }
  const idNumber = findAccountIdentity(db, user.id)?.idNumber ?? undefined
  return { accountRef: user.id, idNumber, brokerCodes: idNumber ? brokerCodesOf(db, idNumber) : [] }
}

/** The search box takes an account id, a national ID, a UBN (also a company's account id) or a broker code. */
function searchOf(db: Db, q: string): NonNullable<RowFilter['search']> {
  const text = toHalfWidth(q).trim()
  if (/^\d{8}$/.test(text)) return { ubn: text, accountId: text }
  const code = normalizeBrokerCode(text)
  if (BROKER_CODE_SHAPE.test(code)) {
    const broker = findBrokerRecord(db, code)
    return { brokerCode: code, idNumbers: broker ? [broker.nationalId] : [] }
  }
  const personId = normalizePersonId(text)
  if (isValidPersonId(personId)) return { idNumbers: [personId] }
  return { accountId: text.toLowerCase() }
}

/**
 * 通關憑證查詢: the account's sign-in cards (登入) and the signing registrations (簽章) within the user's rights,
 * narrowed by the search box. One firm's or one person's rows are few, so they are merged and paged here.
 */
export function searchRegistrations(opts: { db: Db; user: PortalUser; query: z.output<typeof registrationListQuery> }): RegistrationPage {
  const { db, user, query } = opts
  const filter: RowFilter = { rights: rightsOf(db, user), search: query.q ? searchOf(db, query.q) : undefined }
  const login: RegistrationRow[] = listLoginCards(db, filter)
    .sort((a, b) => a.card.boundAt.localeCompare(b.card.boundAt) || a.card.id - b.card.id)
    .map(({ card, accountId, ubn }) => ({
      key: `login-${card.id}`, registrationId: null, purpose: 'login', form: 'ic', kind: card.kind, accountId, useType: null, ubn, brokerCode: null,
      serialHex: card.serialHex, subjectDn: card.subjectDn, issuerDn: card.issuerDn, notBefore: card.notBefore, notAfter: card.notAfter,
      certificateStatus: 'valid', registeredAt: card.boundAt, deletable: false,
    }))
  const signing: RegistrationRow[] = listSigning(db, filter)
    .sort((a, b) => b.registration.registeredAt.localeCompare(a.registration.registeredAt) || b.registration.id - a.registration.id)
    .map(({ registration: r, accountId }) => ({
      key: `sign-${r.id}`, registrationId: r.id, purpose: 'sign', form: r.form, kind: r.certificateKind, accountId, useType: r.useType as RegistrationUseType, ubn: r.ubn,
      brokerCode: r.brokerCode, serialHex: r.serialHex, subjectDn: r.subjectDn, issuerDn: r.issuerDn, notBefore: r.notBefore, notAfter: r.notAfter,
      certificateStatus: r.certificateStatus, registeredAt: r.registeredAt, deletable: r.accountRef === user.id,
    }))
  const rows = [...login, ...signing]
  const start = (query.page - 1) * query.pageSize
  return { items: rows.slice(start, start + query.pageSize), total: rows.length, page: query.page, pageSize: query.pageSize }
}
