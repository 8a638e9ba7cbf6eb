import type { CardCheckRequest, CardCheckResponse, PortalCategory, RegisterRequest } from '../../../core/contracts/portal'
import { accountIdFor } from '../../../core/contracts/portal'
import { AppError } from '../../../core/errors'
import type { CertificateInfo } from '../../../core/pki'
import { inTransaction, type Db } from '../../../db/client'
import { recordAudit, type AuditContext } from '../../lib/audit'
import type { AppDeps } from '../../lib/context'
import { hashPassword } from '../../lib/password'
import { hitRateLimit } from '../../lib/rate-limit'
import { verifyCardResponse } from '../card-login/card-login.service'
import { accountIdTaken, companyEmails, findCardOwner, insertAccountWithCard, insertCard, personRegistered } from './portal-accounts.repo'

type CardKind = 'moica' | 'moeaca'
const cardFor: Record<PortalCategory, CardKind> = { individual: 'moica', company: 'moeaca' }
const wrongCardText: Record<PortalCategory, { 'zh-TW': string; en: string }> = {
  individual: { 'zh-TW': '個人請使用自然人憑證（內政部憑證管理中心）', en: "Individuals sign in with a citizen certificate card (MOICA)" },
  company: { 'zh-TW': '企業請使用工商憑證（經濟部工商憑證管理中心）', en: 'Companies use their company certificate card (MOEACA)' },
}

/** The card is the right kind for the category: a citizen card for a person, a company card for a company. */
export function assertCardKind(category: PortalCategory, info: CertificateInfo): CardKind {
  if (info.kind !== cardFor[category]) throw new AppError('WRONG_CARD', { message: wrongCardText[category] })
  return info.kind
}

/** Verifies the card's answer (chain, validity, revocation, one use of the challenge) and its kind. */
async function provenCard(deps: AppDeps, body: { category: PortalCategory; nonce: string; certificate: string; signature: string }, ctx: AuditContext) {
  const info = await verifyCardResponse({ deps, nonce: body.nonce, response: { certificate: body.certificate, signature: body.signature }, ctx })
  const kind = assertCardKind(body.category, info)
  if (findCardOwner(deps.db, info.sha256Fingerprint)) throw new AppError('ALREADY_REGISTERED')
  return { info, kind }
}

/** Step 2 of seed 001: the card proves itself; an already registered card is sent home before anything is typed. */
export async function checkRegistrationCard(opts: { deps: AppDeps; body: CardCheckRequest; ctx: AuditContext }): Promise<CardCheckResponse> {
  const { info, kind } = await provenCard(opts.deps, opts.body, opts.ctx)
  return { kind, name: info.identity.name ?? null, ubn: info.identity.ubn ?? null, idLast4: info.identity.idLast4 ?? null, serialHex: info.serialHex, notAfter: info.notAfter }
}

const sameName = (a: string, b: string) => a.normalize('NFC').replace(/\s+/g, '') === b.normalize('NFC').replace(/\s+/g, '')

/** The typed identity must be the card's: the ID's last four and the name for a person, the UBN for a company. */
function assertIdentityMatches(body: RegisterRequest, info: CertificateInfo): void {
  const fieldErrors: Record<string, { 'zh-TW': string; en: string }> = {}
  if (body.category === 'individual') {
    const last4 = info.identity.idLast4?.toUpperCase()
    if (!last4 || !body.idNumber.toUpperCase().endsWith(last4)) fieldErrors.idNumber = { 'zh-TW': '身分證字號與自然人憑證不符', en: 'The ID number does not match the citizen card' }
    if (!info.identity.name || !sameName(body.contactName, info.identity.name)) fieldErrors.contactName = { 'zh-TW': '姓名與自然人憑證不符', en: 'The name does not match the citizen card' }
  } else if (info.identity.ubn !== body.ubn) {
    fieldErrors.ubn = { 'zh-TW': '統一編號與工商憑證不符', en: 'The UBN does not match the company card' }
  }
  if (Object.keys(fieldErrors).length > 0) throw new AppError('IDENTITY_MISMATCH', { fieldErrors })
}

/**
 * Steps 3–5 of seed 001: the card signs a fresh challenge again, the typed data must match it, and the account
 * and its sign-in card are written in one transaction with the audit row. No session is opened: the user must
 * sign in again (seed 001 step 5).
 */
export async function registerAccount(opts: { deps: AppDeps; body: RegisterRequest; ctx: AuditContext }): Promise<{ accountId: string }> {
  const { deps, body, ctx } = opts
  const rate = hitRateLimit(deps.db, `portal-register:${ctx.ip ?? 'unknown'}`, 20, 60, ctx.now)
  if (!rate.allowed) throw new AppError('RATE_LIMITED', { params: { retryAfterSeconds: rate.retryAfterSeconds } })
  const { info, kind } = await provenCard(deps, body, ctx)
  assertIdentityMatches(body, info)
  const accountId = accountIdFor(body)
  const passwordHash = await hashPassword(body.password, deps.env.PASSWORD_HASH_COST)
  const at = ctx.now.toISOString()
  const company = body.category === 'company' ? body : null
  const person = body.category === 'individual' ? body : null
  return inTransaction(deps.db, (tx) => {
    if (accountIdTaken(tx, accountId)) {
      throw new AppError('CONFLICT', { message: { 'zh-TW': '此帳號已註冊，請直接登入', en: 'This account already exists; sign in instead' }, fieldErrors: { [company ? 'ubn' : 'email']: { 'zh-TW': '此帳號已註冊', en: 'Already registered' } } })
    }
    if (person && personRegistered(tx, person.idNumber)) {
      throw new AppError('CONFLICT', { message: { 'zh-TW': '此身分證字號已註冊，請直接登入', en: 'This ID number is already registered; sign in instead' }, fieldErrors: { idNumber: { 'zh-TW': '此身分證字號已註冊', en: 'Already registered' } } })
    }
    const id = insertAccountWithCard(
      tx,
      {
        accountId, category: body.category, attribute: body.attribute, email: body.email, contactName: body.contactName, phone: body.phone, address: body.address,
        idNumber: person?.idNumber ?? null, birthDate: person?.birthDate ?? null, ubn: company?.ubn ?? null, companyName: company?.companyName ?? null,
        representative: company?.representative ?? null, companyPhone: company?.companyPhone ?? null, companyAddress: company?.companyAddress ?? null,
        passwordHash, createdAt: at, updatedAt: at,
      },
      { fingerprint: info.sha256Fingerprint, kind, serialHex: info.serialHex, issuerDn: info.issuer.display, subjectDn: info.subject.display, notBefore: info.notBefore, notAfter: info.notAfter, boundVia: 'registration', boundAt: at },
    )
    recordAudit(tx, { ...ctx, actor: { id: null, name: `portal:${accountId}`, officeCode: null, roles: [] } }, {
      action: 'portal.account_registered', entity: 'portal_account', entityId: id, after: { accountId, category: body.category, attribute: body.attribute, card: info.serialHex },
    })
    return { accountId }
  })
}

/** The "check if it exists" button: answers for an account id or a person's ID number, rate-limited per address. */
export function accountExists(opts: { deps: AppDeps; accountId?: string; idNumber?: string; ctx: AuditContext }): boolean {
  const { deps, ctx } = opts
  const rate = hitRateLimit(deps.db, `portal-exists:${ctx.ip ?? 'unknown'}`, 30, 60, ctx.now)
  if (!rate.allowed) throw new AppError('RATE_LIMITED', { params: { retryAfterSeconds: rate.retryAfterSeconds } })
  if (!opts.accountId && !opts.idNumber) throw new AppError('VALIDATION_FAILED', { fieldErrors: { accountId: 'required' } })
  return (opts.accountId ? accountIdTaken(deps.db, opts.accountId.toLowerCase()) : false) || (opts.idNumber ? personRegistered(deps.db, opts.idNumber) : false)
}

/** Whether a card already signs in to some account (a card belongs to one account only). */
export function cardIsBound(db: Db, fingerprint: string): boolean {
  return findCardOwner(db, fingerprint) !== null
}

/** Binds a further sign-in card to an account (seed 004), inside the caller's transaction. */
export function addLoginCard(tx: Db, opts: { accountRef: number; kind: 'moica' | 'moeaca'; info: CertificateInfo; via: 'binding' | 'migration'; at: string }): void {
  const { info } = opts
  insertCard(tx, opts.accountRef, { fingerprint: info.sha256Fingerprint, kind: opts.kind, serialHex: info.serialHex, issuerDn: info.issuer.display, subjectDn: info.subject.display, notBefore: info.notBefore, notAfter: info.notAfter, boundVia: opts.via, boundAt: opts.at })
}

/** Where a notice to a firm goes: the e-mails of its active company accounts (none when it has no account). */
export function companyEmailsOf(db: Db, ubn: string): string[] {
  return companyEmails(db, ubn)
}
