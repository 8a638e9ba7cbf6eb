import { officeCodes, officeNames } from '../../core/contracts/offices'
import type { Db } from '../client'
import { appointments, brokers, firmLicences, firms, offices, portalAccounts, staff, staffRoles } from '../schema'
import { demoAppointments, demoBrokers, demoFirms, demoMigratedAccounts, demoStaff } from './demo-data'

export interface SeedCounts {
  offices: number
  staff: number
  firms: number
  brokers: number
  appointments: number
  portalAccounts: number
}

/** The offices exist in every database, demo or not: every staff member and firm belongs to one. */
export function insertOffices(db: Db): number {
  let n = 0
  for (const code of officeCodes) {
    n += db.insert(offices).values({ code, nameZh: officeNames[code]['zh-TW'], nameEn: officeNames[code].en }).onConflictDoNothing().run().changes
  }
  return n
}

/**
 * Inserts the demo world where it is missing; rows that exist are left alone, so running it twice changes
 * nothing. Demo staff are not forced to change the shared demo password.
 */
export function insertDemoData(db: Db, opts: { passwordHash: string; now: Date }): SeedCounts {
  const now = opts.now.toISOString()
  const counts: SeedCounts = { offices: insertOffices(db), staff: 0, firms: 0, brokers: 0, appointments: 0, portalAccounts: 0 }
  for (const s of demoStaff) {
    const row = db
      .insert(staff)
      .values({ username: s.username, displayName: s.displayName, email: s.email, officeCode: s.officeCode, passwordHash: opts.passwordHash, mustChangePassword: false, createdAt: now, updatedAt: now })
      .onConflictDoNothing()
      .returning({ id: staff.id })
      .get()
    if (!row) continue
    counts.staff++
    db.insert(staffRoles).values(s.roles.map((role) => ({ staffId: row.id, role }))).run()
  }
  for (const { licences, ...firm } of demoFirms) {
    if (db.insert(firms).values({ ...firm, updatedAt: now }).onConflictDoNothing().run().changes === 0) continue
    counts.firms++
    db.insert(firmLicences).values(licences.map((l) => ({ ...l, ubn: firm.ubn }))).run()
  }
  for (const b of demoBrokers) counts.brokers += db.insert(brokers).values(b).onConflictDoNothing().run().changes
  if (counts.brokers > 0) {
    for (const a of demoAppointments) {
      db.insert(appointments).values({ ...a, toDate: a.toDate ?? null, status: a.toDate ? 'ended' : 'active' }).run()
      counts.appointments++
    }
  }
  for (const a of demoMigratedAccounts) {
    counts.portalAccounts += db.insert(portalAccounts).values({ ...a, migrated: true, passwordHash: null, updatedAt: a.createdAt }).onConflictDoNothing().run().changes
  }
  return counts
}

export function hasDemoStaff(db: Db): boolean {
  return db.select({ id: staff.id }).from(staff).limit(1).get() !== undefined
}
