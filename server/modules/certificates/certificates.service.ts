import type { Db } from '../../../db/client'
import { findCertificateBySerial, setCertificateStatus, type CertificateRow } from './certificates.repo'

/** The registry entry of a customs certificate (RA side), or null. */
export function findCertificate(db: Db, serialHex: string): CertificateRow | null {
  return findCertificateBySerial(db, serialHex)
}

/** Marks the registry entry after the CA revoked, held or released it; inside the caller's transaction. */
export function markCertificateStatus(tx: Db, serialHex: string, v: { status: CertificateRow['status']; revokedAt: string | null; revocationReason: string | null }): void {
  setCertificateStatus(tx, serialHex, v)
}
