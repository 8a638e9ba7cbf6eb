import type { SessionUser } from '../../../core/contracts/auth'
import type { Certificate, CertificateEvent, CertificateEventType, CertificateSummary } from '../../../core/contracts/certificates'
import { inspectCertificate } from '../../../core/pki'
import type { Db } from '../../../db/client'
import { scopedApplication } from '../applications/applications.service'
import { auditRowsFor, type CertificateListRow, type CertificateRow } from './certificates.repo'

export function toSummary(row: CertificateListRow): CertificateSummary {
  return {
    serialHex: row.serialHex,
    kind: row.kind,
    subjectDn: row.subjectDn,
    ubn: row.ubn,
    brokerCode: row.brokerCode,
    officeCode: row.officeCode as CertificateSummary['officeCode'],
    status: row.status,
    notBefore: row.notBefore,
    notAfter: row.notAfter,
  }
}

const eventTypes: Record<string, CertificateEventType> = {
  'ca.issued': 'issued',
  'ca.held': 'held',
  'ca.released': 'released',
  'ca.revoked': 'revoked',
  'certificate.registered': 'registered',
  'certificate.held': 'held',
  'certificate.released': 'released',
  'certificate.revoked': 'revoked',
}

function after(summary: string | null): { revocationReason?: string | null; note?: string | null } {
  if (!summary) return {}
  try {
    return ((JSON.parse(summary) as { after?: object }).after ?? {}) as { revocationReason?: string | null; note?: string | null }
  } catch {
    return {}
  }
}

/**
 * The certificate's history, oldest first: the application it came from, its issuance, and every hold, release
 * and revocation, whether done here (the registry's rows, with the supervisor's note) or by an application's
 * decision (the CA's rows). An action done here writes both; the CA's row of the same request is left out.
 */
export function timelineOf(db: Db, row: CertificateRow, user: SessionUser): CertificateEvent[] {
  const events: CertificateEvent[] = []
  if (row.applicationId) {
    try {
      const app = scopedApplication(db, user, row.applicationId)
      events.push({ at: app.submittedAt ?? app.createdAt, type: 'applied', actorName: null, reason: null, note: null, application: { id: app.id, applicationNo: app.applicationNo, status: app.status } })
    } catch {
      // an application the user may not see (another office) is left out
    }
  }
  const rows = auditRowsFor(db, row.caName, row.serialHex)
  const registryRequests = new Set(rows.filter((r) => r.entity === 'certificate' && r.requestId).map((r) => r.requestId))
  for (const r of rows) {
    const type = eventTypes[r.action]
    if (!type || (r.entity === 'ca_certificate' && r.requestId && registryRequests.has(r.requestId))) continue
    const a = after(r.summary)
    events.push({ at: r.at, type, actorName: r.actorName, reason: type === 'revoked' || type === 'held' ? (a.revocationReason ?? null) : null, note: a.note ?? null })
  }
  if (!events.some((e) => e.type === 'issued')) events.push({ at: row.notBefore, type: 'issued', actorName: null, reason: null, note: null })
  return events.map((e, i) => ({ e, i })).sort((x, y) => (x.e.at < y.e.at ? -1 : x.e.at > y.e.at ? 1 : x.i - y.i)).map((x) => x.e)
}

export async function toCertificate(db: Db, row: CertificateRow, user: SessionUser): Promise<Certificate> {
  const info = row.der?.length ? await inspectCertificate(new Uint8Array(row.der)) : null
  const supervisor = user.roles.includes('supervisor')
  return {
    ...toSummary(row),
    caName: row.caName,
    applicationId: row.applicationId,
    revokedAt: row.revokedAt,
    revocationReason: row.revocationReason,
    createdAt: row.createdAt,
    parsed: info && {
      serialHex: info.serialHex,
      subject: info.subject,
      issuer: info.issuer,
      notBefore: info.notBefore,
      notAfter: info.notAfter,
      signatureAlgorithm: info.signatureAlgorithm,
      sha256Fingerprint: info.sha256Fingerprint,
      publicKey: info.publicKey,
      keyUsage: info.extensions.keyUsage ?? [],
      extendedKeyUsage: (info.extensions.extendedKeyUsage ?? []).map((u) => u.name ?? u.oid),
      policies: info.extensions.certificatePolicies ?? [],
      crlDistributionPoints: info.extensions.cRLDistributionPoints ?? [],
    },
    timeline: timelineOf(db, row, user),
    can: { revoke: supervisor && row.status !== 'revoked', hold: supervisor && row.status === 'valid', release: supervisor && row.status === 'suspended', download: Boolean(row.der?.length) },
  }
}
