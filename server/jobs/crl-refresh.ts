import type { Db } from '../../db/client'
import { currentCrl } from '../modules/ca/ca.service'
import { listCaNames } from '../modules/ca/ca.repo'
import type { CaSettings } from '../modules/ca/ca.settings'

/**
 * Keeps every embedded CA's CRL fresh without waiting for a request: each run re-signs the CRLs with less than
 * half of their validity left, or older than a revocation. Idempotent: a run with nothing due signs nothing.
 */
export async function refreshCrls(opts: { db: Db; settings: CaSettings; now: Date }): Promise<string[]> {
  const refreshed: string[] = []
  for (const name of listCaNames(opts.db)) {
    const crl = await currentCrl({ db: opts.db, settings: opts.settings, caName: name, now: opts.now })
    // A CRL signed by this run carries this run's time as its thisUpdate.
    if (crl.thisUpdate === opts.now.toISOString()) refreshed.push(name)
  }
  return refreshed
}
