import { createDemoHierarchy, crlUrlFor, inspectCertificate, issueFromCsr, signCrl, unwrapPrivateKey, wrapPrivateKey, type CrlReason, type IssuedCertificate, type IssueFromCsrOptions, type IssuingCa } from '../../../core/pki'
import { AppError } from '../../../core/errors'
import { inTransaction, type Db } from '../../../db/client'
import { recordAudit, type AuditContext } from '../../lib/audit'
import * as repo from './ca.repo'
import type { CaSettings } from './ca.settings'

/** Unwrapped CA keys, per database: unwrapping costs a PBKDF2 run, so it happens once per process. */
const loaded = new WeakMap<Db, Map<string, Promise<IssuingCa>>>()

/** Creates the embedded test hierarchy (grca → moica, moeaca; twca → customs) when the database has none. */
export async function ensureCaHierarchy(opts: { db: Db; settings: CaSettings; now: Date; generateKeyPair?: () => Promise<CryptoKeyPair> }): Promise<'created' | 'existing'> {
  if (repo.listCaNames(opts.db).length > 0) return 'existing'
  const hierarchy = await createDemoHierarchy({ clock: () => opts.now, crlBaseUrl: opts.settings.crlBaseUrl, generateKeyPair: opts.generateKeyPair })
  const parents: Record<string, string | null> = { grca: null, twca: null, moica: 'grca', moeaca: 'grca', customs: 'twca' }
  const rows: Parameters<typeof repo.insertCa>[1][] = []
  for (const ca of Object.values(hierarchy)) {
    const wrappedKey = await wrapPrivateKey(ca.privateKey, opts.settings.secret, { label: ca.name, iterations: opts.settings.wrapIterations })
    const subjectDn = (await inspectCertificate(ca.certificate)).subject.display
    rows.push({ name: ca.name, parentName: parents[ca.name] ?? null, subjectDn, certificate: Buffer.from(ca.certificate), wrappedKey, createdAt: opts.now.toISOString() })
  }
  inTransaction(opts.db, (tx) => {
    if (repo.listCaNames(tx).length > 0) return
    for (const row of rows) repo.insertCa(tx, row)
  })
  return 'created'
}

export function issuingCa(opts: { db: Db; settings: CaSettings; name: string }): Promise<IssuingCa> {
  let cache = loaded.get(opts.db)
  if (!cache) loaded.set(opts.db, (cache = new Map()))
  let ca = cache.get(opts.name)
  if (!ca) {
    const row = repo.findCa(opts.db, opts.name)
    if (!row) throw new AppError('NOT_FOUND', { message: { 'zh-TW': `沒有名為 ${opts.name} 的憑證機構`, en: `No certificate authority named ${opts.name}` } })
    ca = unwrapPrivateKey(row.wrappedKey, opts.settings.secret, { label: row.name }).then((privateKey) => ({
      name: row.name,
      certificate: new Uint8Array(row.certificate),
      privateKey,
      crlUrl: crlUrlFor(opts.settings.crlBaseUrl, row.name),
    }))
    ca.catch(() => cache.delete(opts.name))
    cache.set(opts.name, ca)
  }
  return ca
}

type IssueRequest = Omit<IssueFromCsrOptions, 'ca' | 'clock' | 'serial'>

/** Signs a certificate from a CSR and records nothing: the caller records it with recordIssued in its transaction. */
export async function signCertificate(opts: { db: Db; settings: CaSettings; caName: string; request: IssueRequest; now: Date }): Promise<IssuedCertificate> {
  const ca = await issuingCa({ db: opts.db, settings: opts.settings, name: opts.caName })
  return issueFromCsr({ ...opts.request, ca, clock: () => opts.now } as IssueFromCsrOptions)
}

/**
 * Records a signed certificate in the CA's own register, with its audit row, inside the caller's transaction:
 * a certificate that the use case then cannot complete (an application issued meanwhile) is never recorded,
 * never returned, and so never exists outside the process that signed it.
 */
export function recordIssued(tx: Db, opts: { caName: string; profile: string; issued: IssuedCertificate; ctx: AuditContext }): void {
  const { issued } = opts
  repo.insertIssued(tx, {
    caName: opts.caName,
    serialHex: issued.serialHex,
    profile: opts.profile,
    subjectDn: issued.subject,
    notBefore: issued.notBefore.toISOString(),
    notAfter: issued.notAfter.toISOString(),
    der: Buffer.from(issued.certificate),
    issuedAt: opts.ctx.now.toISOString(),
  })
  recordAudit(tx, opts.ctx, { action: 'ca.issued', entity: 'ca_certificate', entityId: `${opts.caName}:${issued.serialHex}`, after: { profile: opts.profile, subject: issued.subject, notAfter: issued.notAfter.toISOString() } })
}

/** Issues from a CSR and records the certificate in the CA's own register, with its audit row. */
export async function issueCertificate(opts: { db: Db; settings: CaSettings; caName: string; request: IssueRequest; ctx: AuditContext }): Promise<IssuedCertificate> {
  const issued = await signCertificate({ db: opts.db, settings: opts.settings, caName: opts.caName, request: opts.request, now: opts.ctx.now })
  inTransaction(opts.db, (tx) => recordIssued(tx, { caName: opts.caName, profile: opts.request.profile, issued, ctx: opts.ctx }))
  return issued
}

/**
 * Revokes (or, with certificateHold, suspends) a certificate in the CA's register; `null` releases a hold.
 * Synchronous, so that it joins the caller's transaction (an application's decision and this change commit
 * together); the caller publishes the CRL after the commit, and a CRL older than the change is re-signed
 * before it is served anyway.
 */
export function applyRevocation(tx: Db, opts: { caName: string; serialHex: string; reason: CrlReason | null; ctx: AuditContext }): void {
  const cert = repo.findIssued(tx, opts.caName, opts.serialHex)
  if (!cert) throw new AppError('NOT_FOUND', { message: { 'zh-TW': '憑證機構查無此憑證序號', en: 'The certificate authority has no certificate with this serial' } })
  const held = cert.revocationReason === 'certificateHold'
  if (opts.reason === null && !held) throw new AppError('CONFLICT', { message: { 'zh-TW': '此憑證未暫禁，無法解禁', en: 'This certificate is not on hold, so it cannot be released' } })
  if (opts.reason !== null && cert.revokedAt && !held) throw new AppError('CONFLICT', { message: { 'zh-TW': '此憑證已廢止', en: 'This certificate is already revoked' } })
  repo.setRevocation(tx, opts.caName, opts.serialHex, opts.reason ? opts.ctx.now.toISOString() : null, opts.reason)
  const action = opts.reason === null ? 'ca.released' : opts.reason === 'certificateHold' ? 'ca.held' : 'ca.revoked'
  recordAudit(tx, opts.ctx, { action, entity: 'ca_certificate', entityId: `${opts.caName}:${opts.serialHex}`, before: { revocationReason: cert.revocationReason }, after: { revocationReason: opts.reason } })
}

/** Revokes, holds or releases on its own, and re-signs the CRL at once so the change is public when this returns. */
export async function setCertificateRevocation(opts: { db: Db; settings: CaSettings; caName: string; serialHex: string; reason: CrlReason | null; ctx: AuditContext }) {
  inTransaction(opts.db, (tx) => applyRevocation(tx, opts))
  return publishCrl({ db: opts.db, settings: opts.settings, caName: opts.caName, now: opts.ctx.now })
}

/** Signs a new CRL: the number and the revocation snapshot are taken together, then signed, then stored. */
export async function publishCrl(opts: { db: Db; settings: CaSettings; caName: string; now: Date }): Promise<repo.CrlRow> {
  const ca = await issuingCa({ db: opts.db, settings: opts.settings, name: opts.caName })
  const { crlNumber, revocationSeq, entries } = inTransaction(opts.db, (tx) => ({ ...repo.nextCrlNumber(tx, opts.caName), entries: repo.revokedEntries(tx, opts.caName) }))
  const thisUpdate = opts.now
  const nextUpdate = new Date(thisUpdate.getTime() + opts.settings.crlValidityHours * 3_600_000)
  const der = await signCrl({
    ca,
    crlNumber,
    thisUpdate,
    nextUpdate,
    entries: entries.map((e) => ({ serialHex: e.serialHex, revokedAt: new Date(e.revokedAt!), reason: (e.reason ?? 'unspecified') as CrlReason })),
  })
  const row = { caName: opts.caName, crlNumber, revocationSeq, thisUpdate: thisUpdate.toISOString(), nextUpdate: nextUpdate.toISOString(), der: Buffer.from(der) }
  inTransaction(opts.db, (tx) => repo.insertCrl(tx, row))
  return row
}

/** CRL signings under way that currentCrl started, per database and CA: concurrent requests wait for one. */
const resigning = new WeakMap<Db, Map<string, Promise<repo.CrlRow>>>()

/**
 * The CRL to serve: the latest one, re-signed first when less than half of its validity remains or when a
 * revocation, hold or release happened after its entries were read. When many requests find it stale at once
 * (relying parties, the refresh job), one signs and the others wait for it and take the same CRL: one new
 * cRLNumber per change, not one per request. (Two server processes may each sign one.)
 */
export async function currentCrl(opts: { db: Db; settings: CaSettings; caName: string; now: Date }): Promise<repo.CrlRow> {
  let pending = resigning.get(opts.db)
  if (!pending) resigning.set(opts.db, (pending = new Map()))
  for (;;) {
    const ca = repo.findCa(opts.db, opts.caName)
    if (!ca) throw new AppError('NOT_FOUND')
    const latest = repo.latestCrl(opts.db, opts.caName)
    const halfLife = (opts.settings.crlValidityHours * 3_600_000) / 2
    if (latest && latest.revocationSeq >= ca.revocationSeq && Date.parse(latest.nextUpdate) - opts.now.getTime() > halfLife) return latest
    const underWay = pending.get(opts.caName)
    // Its snapshot may predate a revocation made meanwhile: look again once it is stored.
    if (underWay) {
      await underWay.catch(() => undefined)
      continue
    }
    const signing = publishCrl(opts).finally(() => pending.delete(opts.caName))
    pending.set(opts.caName, signing)
    return signing
  }
}
