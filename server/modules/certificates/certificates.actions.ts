import type { SessionUser } from '../../../core/contracts/auth'
import type { Certificate, RevocationReason } from '../../../core/contracts/certificates'
import type { CrlReason } from '../../../core/pki'
import { assertCertificateTransition, type CertificateAction } from '../../../core/workflow/certificate'
import { inTransaction } from '../../../db/client'
import { recordAudit, type AuditContext } from '../../lib/audit'
import type { AppDeps } from '../../lib/context'
import { applyRevocation, publishCrl } from '../ca/ca.service'
import { markRegistrationsOfCertificate } from '../registrations/registrations.service'
import { setCertificateStatus } from './certificates.repo'
import { getCertificate, scopedCertificate } from './certificates.service'

interface ActionOptions {
  deps: AppDeps
  user: SessionUser
  serialHex: string
  note: string | null
  ctx: AuditContext
}

/**
 * One supervisor action: the registry status, the CA's revocation and both audit rows commit together; then the
 * CRL is re-signed, so the change is public when the call returns. (A CRL publish that fails is logged: the CA
 * re-signs a stale CRL before it serves it anyway.) The portal's signing registrations of the certificate are
 * marked in the same transaction, so a held or revoked certificate never still verifies in the Single Window.
 */
async function act(opts: ActionOptions & { action: CertificateAction; reason: CrlReason | null }): Promise<Certificate> {
  const { deps, user, ctx } = opts
  const { caName, serialHex } = inTransaction(deps.db, (tx) => {
    const before = scopedCertificate(tx, user, opts.serialHex)
    const status = assertCertificateTransition(opts.action, before.status)
    applyRevocation(tx, { caName: before.caName, serialHex: before.serialHex, reason: opts.reason, ctx })
    setCertificateStatus(tx, before.serialHex, { status, revokedAt: opts.reason ? ctx.now.toISOString() : null, revocationReason: opts.reason })
    markRegistrationsOfCertificate(tx, { serialHex: before.serialHex, status })
    recordAudit(tx, ctx, {
      action: `certificate.${opts.action === 'hold' ? 'held' : opts.action === 'release' ? 'released' : 'revoked'}`,
      entity: 'certificate',
      entityId: before.serialHex,
      before: { status: before.status, revocationReason: before.revocationReason },
      after: { status, revocationReason: opts.reason, note: opts.note },
    })
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
