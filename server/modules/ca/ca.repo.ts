import { and, desc, eq, isNotNull, sql } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { caIssued, certificateAuthorities, crls } from '../../../db/schema'

export type CaRow = typeof certificateAuthorities.$inferSelect
export type CrlRow = typeof crls.$inferSelect

export function findCa(db: Db, name: string): CaRow | null {
  return db.select().from(certificateAuthorities).where(eq(certificateAuthorities.name, name)).get() ?? null
}

export function listCas(db: Db): CaRow[] {
  return db.select().from(certificateAuthorities).all()
}

export function listCaNames(db: Db): string[] {
  return db.select({ name: certificateAuthorities.name }).from(certificateAuthorities).all().map((r) => r.name)
}

export function insertCa(db: Db, row: typeof certificateAuthorities.$inferInsert): void {
  db.insert(certificateAuthorities).values(row).run()
}

export function insertIssued(db: Db, row: typeof caIssued.$inferInsert): void {
  db.insert(caIssued).values(row).run()
}

export function findIssued(db: Db, caName: string, serialHex: string) {
  return db.select().from(caIssued).where(and(eq(caIssued.caName, caName), eq(caIssued.serialHex, serialHex))).get() ?? null
}

export function setRevocation(db: Db, caName: string, serialHex: string, revokedAt: string | null, reason: string | null): void {
  db.update(caIssued).set({ revokedAt, revocationReason: reason }).where(and(eq(caIssued.caName, caName), eq(caIssued.serialHex, serialHex))).run()
  db.update(certificateAuthorities).set({ revocationSeq: sql`${certificateAuthorities.revocationSeq} + 1` }).where(eq(certificateAuthorities.name, caName)).run()
}

/** Takes the next cRLNumber; inside the transaction that also snapshots the revocations, so numbers follow content. */
export function nextCrlNumber(db: Db, caName: string): { crlNumber: number; revocationSeq: number } {
  return db
    .update(certificateAuthorities)
    .set({ crlNumber: sql`${certificateAuthorities.crlNumber} + 1` })
    .where(eq(certificateAuthorities.name, caName))
    .returning({ crlNumber: certificateAuthorities.crlNumber, revocationSeq: certificateAuthorities.revocationSeq })
    .get()!
}

export function revokedEntries(db: Db, caName: string) {
  return db
    .select({ serialHex: caIssued.serialHex, revokedAt: caIssued.revokedAt, reason: caIssued.revocationReason })
    .from(caIssued)
    .where(and(eq(caIssued.caName, caName), isNotNull(caIssued.revokedAt)))
    .all()
}

export function insertCrl(db: Db, row: CrlRow): void {
  db.insert(crls).values(row).run()
}

/** The CRL with the highest number: the newest snapshot, even when two were signed at once. */
export function latestCrl(db: Db, caName: string): CrlRow | null {
  return db.select().from(crls).where(eq(crls.caName, caName)).orderBy(desc(crls.crlNumber)).limit(1).get() ?? null
}
