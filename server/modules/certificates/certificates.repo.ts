import { eq } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { certificates } from '../../../db/schema'

export type CertificateRow = typeof certificates.$inferSelect

/** The RA's registry entry of a customs certificate, by serial. */
export function findCertificateBySerial(db: Db, serialHex: string): CertificateRow | null {
  return db.select().from(certificates).where(eq(certificates.serialHex, serialHex.toLowerCase())).get() ?? null
}

export function setCertificateStatus(db: Db, serialHex: string, v: { status: CertificateRow['status']; revokedAt: string | null; revocationReason: string | null }): void {
  db.update(certificates).set(v).where(eq(certificates.serialHex, serialHex)).run()
}
