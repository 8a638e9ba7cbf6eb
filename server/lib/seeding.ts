import { inTransaction, type Db } from '../../db/client'
import { DEMO_PASSWORD } from '../../db/seed/demo-data'
import { hasDemoStaff, insertDemoData, insertOffices, type SeedCounts } from '../../db/seed/demo'
import { recordAudit, SYSTEM_ACTOR } from './audit'
import { hashPassword } from './password'

/** Seeds the demo world (idempotent), recording what it added in the audit trail. */
export async function seedDemo(opts: { db: Db; passwordCost: number; now: Date }): Promise<SeedCounts> {
  const passwordHash = await hashPassword(DEMO_PASSWORD, opts.passwordCost)
  return inTransaction(opts.db, (tx) => {
    const counts = insertDemoData(tx, { passwordHash, now: opts.now })
    if (Object.values(counts).some((n) => n > 0)) {
      recordAudit(tx, { actor: SYSTEM_ACTOR, requestId: null, ip: null, now: opts.now }, { action: 'seed.demo', entity: 'database', after: counts })
    }
    return counts
  })
}

/**
 * First start: a database without staff gets the demo world, unless demo data is switched off, in which case
 * it gets the offices only (the first admin is then made with the CLI).
 */
export async function prepareDatabase(opts: { db: Db; passwordCost: number; now: Date; demo: boolean }): Promise<'seeded' | 'existing' | 'empty'> {
  if (hasDemoStaff(opts.db)) return 'existing'
  if (!opts.demo) {
    inTransaction(opts.db, (tx) => insertOffices(tx))
    return 'empty'
  }
  await seedDemo(opts)
  return 'seeded'
}
