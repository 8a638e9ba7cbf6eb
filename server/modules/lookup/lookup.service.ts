import { normalizeSerial } from '../../../core/contracts/certificates'
import { maskIdNumber, maskPhone, type FirmProfile, type LookupMatch, type LookupResult, type PersonProfile, type RevealRequest } from '../../../core/contracts/lookup'
import { AppError } from '../../../core/errors'
import { isValidPersonId, isValidUbn, normalizePersonId } from '../../../core/tw'
import { parseApplicationNo } from '../../../core/workflow/application-number'
import { parseFeeSlipNo } from '../../../core/workflow/fee-slip-number'
import { inTransaction } from '../../../db/client'
import { recordAudit, type AuditContext } from '../../lib/audit'
import type { AppDeps } from '../../lib/context'
import { serialSpellings } from '../certificates/certificates.service'
import {
  accountByAccountId, accountById, accountByIdNumber, accountsOf, applicationByNo, applicationsOf, appointmentsOf, brokerByCode, brokerByNationalId, certificateBySerials, certificateRowsOf, feeSlipsOf, firmByUbn, slipByNo,
} from './lookup.repo'

type Db = AppDeps['db']
const firm = (db: Db, ubn: string, label?: string): LookupMatch => ({ kind: 'firm', ubn, label: label ?? firmByUbn(db, ubn)?.name ?? ubn })

/** Reads the search text as the first key it can be, in an order where the shapes cannot be confused. */
export function lookup(opts: { deps: AppDeps; q: string }): LookupResult {
  const { db } = opts.deps
  const q = opts.q.trim()
  const upper = q.toUpperCase()
  if (/^[A-D]\d{5}$/.test(upper)) {
    const broker = brokerByCode(db, upper)
    return { readAs: 'brokerCode', matches: broker ? [{ kind: 'person', ref: `broker:${broker.code}`, label: `${broker.name}（${broker.code}）` }] : [] }
  }
  if (/^\d{8}$/.test(q) && isValidUbn(q)) return { readAs: 'ubn', matches: firmByUbn(db, q) || accountByAccountId(db, q) ? [firm(db, q)] : [] }
  const personId = normalizePersonId(q)
  if (isValidPersonId(personId)) {
    const matches: LookupMatch[] = []
    const broker = brokerByNationalId(db, personId)
    if (broker) matches.push({ kind: 'person', ref: `broker:${broker.code}`, label: `${broker.name}（${broker.code}）` })
    const account = accountByIdNumber(db, personId)
    if (account && !broker) matches.push({ kind: 'person', ref: `account:${account.id}`, label: account.contactName })
    return { readAs: 'idNumber', matches }
  }
  if (q.includes('@')) {
    const account = accountByAccountId(db, q.toLowerCase())
    if (!account) return { readAs: 'accountId', matches: [] }
    return { readAs: 'accountId', matches: [account.category === 'company' && account.ubn ? firm(db, account.ubn) : { kind: 'person', ref: `account:${account.id}`, label: account.contactName }] }
  }
  if (parseFeeSlipNo(upper)) {
    const slip = slipByNo(db, upper)
    return { readAs: 'feeSlipNo', matches: slip ? [firm(db, slip.ubn, slip.name)] : [] }
  }
  if (parseApplicationNo(upper)) {
    const app = applicationByNo(db, upper)
    return { readAs: 'applicationNo', matches: app ? [firm(db, app.ubn, app.companyName)] : [] }
  }
  const serial = normalizeSerial(q)
  if (serial) {
    const cert = certificateBySerials(db, serialSpellings(serial))
    if (cert) return { readAs: 'serial', matches: [firm(db, cert.ubn), ...(cert.brokerCode ? [{ kind: 'person' as const, ref: `broker:${cert.brokerCode}`, label: cert.brokerCode }] : [])] }
  }
  const account = accountByAccountId(db, q.toLowerCase())
  if (account) return { readAs: 'accountId', matches: [account.ubn ? firm(db, account.ubn) : { kind: 'person', ref: `account:${account.id}`, label: account.contactName }] }
  return { readAs: null, matches: [] }
}

export function firmProfile(opts: { deps: AppDeps; ubn: string }): FirmProfile {
  const { db } = opts.deps
  const record = firmByUbn(db, opts.ubn)
  const accounts = accountsOf(db, { ubn: opts.ubn })
  if (!record && accounts.length === 0) throw new AppError('NOT_FOUND')
  const who = { ubn: opts.ubn }
  return {
    ubn: opts.ubn, name: record?.name ?? accounts[0]!.name, representative: record?.representative ?? null, maskedPhone: maskPhone(record?.phone), officeCode: record?.officeCode ?? null,
    accounts, certificates: certificateRowsOf(db, accounts.map((a) => a.id), who), applications: applicationsOf(db, who), feeSlips: feeSlipsOf(db, who), appointments: appointmentsOf(db, who),
  }
}

/** A person: a licensed broker (with any portal account under the same ID), or an individual portal account. */
export function personProfile(opts: { deps: AppDeps; ref: string }): PersonProfile {
  const { db } = opts.deps
  const [type, key] = opts.ref.split(':') as ['broker' | 'account', string]
  const broker = type === 'broker' ? brokerByCode(db, key) : null
  const account = type === 'account' ? accountById(db, Number(key)) : broker ? accountByIdNumber(db, broker.nationalId) : null
  if (!broker && !account) throw new AppError('NOT_FOUND')
  const accounts = account ? accountsOf(db, { id: account.id }) : []
  const who = broker ? { brokerCode: broker.code } : null
  return {
    ref: opts.ref, name: broker?.name ?? account!.contactName, maskedIdNumber: maskIdNumber(broker?.nationalId ?? account?.idNumber), maskedPhone: maskPhone(account?.phone), brokerCode: broker?.code ?? null,
    qualificationStatus: broker?.qualificationStatus ?? null, accounts,
    certificates: certificateRowsOf(db, accounts.map((a) => a.id), who),
    applications: who ? applicationsOf(db, who) : [], feeSlips: who ? feeSlipsOf(db, who) : [], appointments: who ? appointmentsOf(db, who) : [],
  }
}

function personValue(db: Db, type: 'broker' | 'account', key: string, field: RevealRequest['field']): string | null {
  const broker = type === 'broker' ? brokerByCode(db, key) : null
  const account = type === 'account' ? accountById(db, Number(key)) : broker ? accountByIdNumber(db, broker.nationalId) : null
  if (!broker && !account) throw new AppError('NOT_FOUND')
  return field === 'idNumber' ? (broker?.nationalId ?? account?.idNumber ?? null) : (account?.phone ?? null)
}

/** Shows one masked value in full; the reason and who asked are in the audit trail (not the value itself). */
export function reveal(opts: { deps: AppDeps; body: RevealRequest; ctx: AuditContext }): { value: string | null } {
  const { deps, body, ctx } = opts
  const [type, key] = body.ref.split(':') as ['broker' | 'account' | 'firm', string]
  const value = type === 'firm' ? (body.field === 'phone' ? (firmByUbn(deps.db, key)?.phone ?? null) : null) : personValue(deps.db, type, key, body.field)
  inTransaction(deps.db, (tx) => recordAudit(tx, ctx, { action: 'lookup.revealed', entity: type, entityId: key, after: { field: body.field, reason: body.reason } }))
  return { value }
}
