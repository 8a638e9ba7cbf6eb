import type { SessionUser } from '../../../core/contracts/auth'
import type { Certificate, RevocationReason } from '../../../core/contracts/certificates'
import type { CrlReason } from '../../../core/pki'
import { assertCertificateTransition, type CertificateAction } from '../../../core/workflow/certificate'
import { inTransaction, type Db } from '../../../db/client'
import { recordAudit, type AuditContext } from '../../lib/audit'
import type { AppDeps } from '../../lib/context'
import { applyRevocation, publishCrl } from '../ca/ca.service'
import { markRegistrationsOfCertificate } from '../registrations/registrations.service'
import { setCertificateStatus, type CertificateRow } from './certificates.repo'
import { getCertificate, scopedCertificate } from './certificates.service'

interface ActionOptions {
  deps: AppDeps
  user: SessionUser
  serialHex: string
  note: string | null
  ctx: AuditContext
}

const auditActions: Record<CertificateAction, string> = { hold: 'certificate.held', release: 'certificate.released', revoke: 'certificate.revoked' }

/**
 * One certificate's revocation, hold or release, inside the caller's transaction: the state check, the CA's
 * revocation, the registry status, the portal's signing registrations of the certificate (so a held or revoked
 * certificate never still verifies in the Single Window) and the registry's audit row. The caller re-signs the
 * CRL after the commit. Used by the supervisor's actions below and by a broker's disqualification.
 */
export function changeCertificateStatus(tx: Db, opts: { before: CertificateRow; action: CertificateAction; reason: CrlReason | null; note: string | null; ctx: AuditContext }): CertificateRow['status'] {
  const { before, ctx } = opts
  const status = assertCertificateTransition(opts.action, before.status)
  applyRevocation(tx, { caName: before.caName, serialHex: before.serialHex, reason: opts.reason, ctx })
  setCertificateStatus(tx, before.serialHex, { status, revokedAt: opts.reason ? ctx.now.toISOString() : null, revocationReason: opts.reason })
  markRegistrationsOfCertificate(tx, { serialHex: before.serialHex, status })
  recordAudit(tx, ctx, {
    action: auditActions[opts.action],
    entity: 'certificate',
    entityId: before.serialHex,
    before: { status: before.status, revocationReason: before.revocationReason },
    after: { status, revocationReason: opts.reason, note: opts.note },
  })
  return status
}

/**
 * One supervisor action: the change above commits in one transaction; then the CRL is re-signed, so the change
 * is public when the call returns. (A CRL publish that fails is logged: the CA re-signs a stale CRL before it
 * serves it anyway.)
 */
async function act(opts: ActionOptions & { action: CertificateAction; reason: CrlReason | null }): Promise<Certificate> {
  const { deps, user, ctx } = opts
  const { caName, serialHex } = inTransaction(deps.db, (tx) => {
    const before = scopedCertificate(tx, user, opts.serialHex)
    changeCertificateStatus(tx, { before, action: opts.action, reason: opts.reason, note: opts.note, ctx })
    return { caName: before.caName, serialHex: before.serialHex }
  })
  await publishCrl({ db: deps.db, settings: deps.ca, caName, now: ctx.now }).catch((err: unknown) => deps.log.error('CRL publish after a certificate action failed; it is re-signed when next served', { error: String(err) }))
  return getCertificate({ db: deps.db, user, serialHex })
}

export function revokeCertificate(opts: ActionOptions & { reason: RevocationReason }): Promise<Certificate> {
  return act({ ...opts, action: 'revoke', reason: opts.reason })
}

export function holdCertificate(opts: ActionOptions): Promise<Certificate> {
  return act({ ...opts, action: 'hold', reason: 'certificateHold' })
}

export function releaseCertificate(opts: ActionOptions): Promise<Certificate> {
  return act({ ...opts, action: 'release', reason: null })
}
