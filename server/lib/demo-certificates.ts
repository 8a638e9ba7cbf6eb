import { buildCsr, generateSigningKeyPair, type ProfileRequest } from '../../core/pki'
import { inTransaction, type Db } from '../../db/client'
import { issueCertificate } from '../modules/ca/ca.service'
import type { CaSettings } from '../modules/ca/ca.settings'
import { holdsCertificate, registerCertificate } from '../modules/certificates/certificates.service'
import { SYSTEM_ACTOR } from './audit'

/** The RA's own UBN in customs certificate subjects (docs/pki.md): the Single Window's, as the seed shows. */
const RA_UBN = '97162640'

/** Two demo customs certificates: a broker's personal one in Keelung and a firm's corporate one in Kaohsiung. */
export const demoCustomsCertificates = [
  { kind: 'personal', profile: 'customs-personal', ubn: '52111891', brokerCode: 'A00001', officeCode: 'AA' },
  { kind: 'corporate', profile: 'customs-corporate', ubn: '82656552', brokerCode: null, officeCode: 'BA' },
] as const

/**
 * Issues the demo customs certificates through the embedded customs CA and enters them in the registry, so the
 * certificate pages have something to show on a fresh demo database. Idempotent: a firm (and broker) that already
 * has a demo certificate is skipped. The subscribers' private keys are thrown away: nobody signs with these.
 */
export async function addDemoCertificates(opts: { db: Db; settings: CaSettings; now: Date; generateKeyPair?: () => Promise<CryptoKeyPair> }): Promise<string[]> {
  const ctx = { actor: SYSTEM_ACTOR, requestId: null, ip: null, now: opts.now }
  const added: string[] = []
  for (const demo of demoCustomsCertificates) {
    if (holdsCertificate(opts.db, demo)) continue
    const keyPair = await (opts.generateKeyPair ?? generateSigningKeyPair)()
    const subject = { ubn: demo.ubn, sequence: 1, ra: { ubn: RA_UBN }, ...(demo.brokerCode ? { brokerCode: demo.brokerCode } : {}) }
    const issued = await issueCertificate({
      db: opts.db, settings: opts.settings, caName: 'customs', ctx,
      request: { profile: demo.profile, subject, csrDer: await buildCsr({ keyPair }), validity: { days: 730 } } as ProfileRequest & { csrDer: Uint8Array; validity: { days: number } },
    })
    inTransaction(opts.db, (tx) =>
      registerCertificate(tx, {
        serialHex: issued.serialHex, caName: 'customs', kind: demo.kind, subjectDn: issued.subject, ubn: demo.ubn, brokerCode: demo.brokerCode, officeCode: demo.officeCode,
        status: 'valid', notBefore: issued.notBefore.toISOString(), notAfter: issued.notAfter.toISOString(), der: Buffer.from(issued.certificate), createdAt: opts.now.toISOString(),
      }, ctx),
    )
    added.push(issued.serialHex)
  }
  return added
}
